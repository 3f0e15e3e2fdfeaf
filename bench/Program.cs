using BenchmarkDotNet.Running;

namespace StemSimulator.Bench;

/// <summary>
/// The benchmark suite of the simulation core. Run it with
/// <c>dotnet run -c Release --project bench -- --filter '*'</c>; see README.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
