using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace StemSimulator.Bench;

/// <summary>
/// A second opinion for a shared machine: runs the benchmarks in this process and reports the <em>CPU time</em> per
/// operation (this process's user + system time, from <c>getrusage</c>) next to the wall time. BenchmarkDotNet
/// measures wall time, which on a loaded machine mostly measures the load; CPU time is far less sensitive to it
/// (though caches shared with other work still slow it). Usage:
/// <c>dotnet run -c Release --project bench -- --cputime [substring of Class.Method ...] [--rounds N]</c>.
/// </summary>
internal static class CpuTime
{
    public static int Run(string[] args)
    {
        int rounds = 7;
        var filters = new List<string>();
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--rounds" && a + 1 < args.Length)
            {
                rounds = int.Parse(args[++a], CultureInfo.InvariantCulture);
            }
            else
            {
                filters.Add(args[a]);
            }
        }

        var benchmarks = typeof(CpuTime).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>())))
            .Where(b => b.Attribute is not null)
            .Where(b => filters.Count == 0 || filters.Any(f => $"{b.Type.Name}.{b.Method.Name}".Contains(f, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(b => b.Type.Name, StringComparer.Ordinal).ThenBy(b => b.Method.Name, StringComparer.Ordinal)
            .ToList();
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"benchmark",-50} {"cpu min",10} {"cpu median",11} {"wall min",10} {"wall median",12}  (per operation, {rounds} rounds)");
        foreach (var (type, method, attribute) in benchmarks)
        {
            object instance = Activator.CreateInstance(type)!;
            type.GetMethods().FirstOrDefault(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)?.Invoke(instance, null);
            int operations = attribute!.OperationsPerInvoke;
            void Invoke()
            {
                if (method.Invoke(instance, null) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }

            // Warm up past tiered compilation (methods with loops go to tier 1 through OSR and call counting).
            var warm = Stopwatch.StartNew();
            for (int w = 0; w < 3 || warm.Elapsed < TimeSpan.FromSeconds(2); w++)
            {
                Invoke();
            }

            var cpu = new double[rounds];
            var wall = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                double cpu0 = ProcessCpuSeconds();
                long wall0 = Stopwatch.GetTimestamp();
                Invoke();
                wall[r] = Stopwatch.GetElapsedTime(wall0).TotalSeconds / operations;
                cpu[r] = (ProcessCpuSeconds() - cpu0) / operations;
            }

            (instance as IDisposable)?.Dispose();
            Array.Sort(cpu);
            Array.Sort(wall);
            Console.WriteLine($"{type.Name + "." + method.Name,-50} {Format(cpu[0]),10} {Format(cpu[rounds / 2]),11} {Format(wall[0]),10} {Format(wall[rounds / 2]),12}");
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static string Format(double seconds) =>
        seconds >= 1e-6 ? $"{seconds * 1e6:F3} us" : $"{seconds * 1e9:F1} ns";

    private static double ProcessCpuSeconds()
    {
        if (GetRusage(0, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return usage.UserSeconds + (usage.UserMicroseconds * 1e-6) + usage.SystemSeconds + (usage.SystemMicroseconds * 1e-6);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);

    /// <summary><c>struct rusage</c> on 64-bit Linux (144 bytes): two <c>timeval</c>s, then counters not read here.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
