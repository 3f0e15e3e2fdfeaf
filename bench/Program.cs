using BenchmarkDotNet.Running;

namespace StemSimulator.Bench;

/// <summary>
/// The benchmark suite of the simulation core. Run it with
/// <c>dotnet run -c Release --project bench -- --filter '*'</c> (add <c>--job dry</c> for the CI smoke test);
/// see README.md.
/// </summary>
public static class Program
{
    /// <returns>0, or 1 when a benchmark failed to build, validate or run (so the CI smoke test catches rot).</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--cputime")
        {
            return CpuTime.Run(args[1..]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        if (failed)
        {
            Console.Error.WriteLine("One or more benchmarks failed; see the log above.");
        }

        return failed ? 1 : 0;
    }
}
