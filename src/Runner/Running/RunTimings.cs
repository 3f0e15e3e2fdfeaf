using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace StemSimulator.Runner.Running;

/// <summary>
/// Wall-clock time per phase of one <c>stemsim run</c> (<c>--timings</c>): where a short run's time goes before any
/// optimisation is argued. Phases are laps: each ends where the next begins, so they add up to the total. Beside the
/// wall time each lap records the process's CPU time (all threads, user and system) and the time the JIT compiler
/// spent in it (all threads, tier-0 and tier-1), with the number of methods it compiled, and the bytes the process
/// allocated in it: the fixed cost of a short run is mostly compiling code and touching new memory, and these say how much.
/// </summary>
/// <remarks>
/// The first phase, <c>start-up</c>, runs from the operating system's process start time to the construction of this
/// object (runtime start, JIT of the host and the command line, argument parsing); the operating system records that
/// start time with a resolution of about 10 ms on Linux. Its CPU and JIT figures count from the start of the process.
/// </remarks>
internal sealed class RunTimings
{
    private readonly List<PhaseTime> _laps = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Sample _lapStart;

    public RunTimings()
    {
        using var process = Process.GetCurrentProcess();
        var startUp = DateTime.Now - process.StartTime;
        _lapStart = Sample.Now(TimeSpan.Zero);
        _laps.Add(new PhaseTime("start-up", startUp < TimeSpan.Zero ? TimeSpan.Zero : startUp, _lapStart.Cpu, _lapStart.Jit, _lapStart.JitMethods, _lapStart.Allocated));
    }

    /// <summary>One phase: its wall time, the process's CPU time in it, the JIT's time and methods compiled in it, and the bytes allocated in it.</summary>
    internal readonly record struct PhaseTime(string Phase, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Jit, long JitMethods, long Allocated);

    /// <summary>The phases measured so far, in order.</summary>
    public IReadOnlyList<PhaseTime> Laps => _laps;

    /// <summary>Ends the phase that began at the previous lap (or at construction) and records it as <paramref name="phase"/>.</summary>
    public void Lap(string phase)
    {
        var now = Sample.Now(_clock.Elapsed);
        _laps.Add(new PhaseTime(phase, now.Wall - _lapStart.Wall, now.Cpu - _lapStart.Cpu, now.Jit - _lapStart.Jit, now.JitMethods - _lapStart.JitMethods, now.Allocated - _lapStart.Allocated));
        _lapStart = now;
    }

    /// <summary>One line for standard error: each phase's wall time in seconds, then the total.</summary>
    public string Describe()
    {
        var total = _laps.Aggregate(TimeSpan.Zero, (sum, lap) => sum + lap.Elapsed);
        var parts = _laps.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Phase} {l.Elapsed.TotalSeconds:0.000}"));
        return string.Create(CultureInfo.InvariantCulture, $"timings (s): {string.Join(", ", parts)}; total {total.TotalSeconds:0.000}");
    }

    /// <summary>
    /// A second line for standard error: each phase's CPU time and, in brackets, the JIT's time and methods compiled,
    /// then the totals.
    /// </summary>
    public string DescribeCpu()
    {
        var cpu = _laps.Aggregate(TimeSpan.Zero, (sum, lap) => sum + lap.Cpu);
        var jit = _laps.Aggregate(TimeSpan.Zero, (sum, lap) => sum + lap.Jit);
        long methods = _laps.Sum(l => l.JitMethods);
        var parts = _laps.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Phase} {l.Cpu.TotalSeconds:0.000} (jit {l.Jit.TotalSeconds:0.000}, {l.JitMethods})"));
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu (s) (jit s, methods): {string.Join(", ", parts)}; total {cpu.TotalSeconds:0.000} (jit {jit.TotalSeconds:0.000}, {methods})");
    }

    /// <summary>A third line for standard error: the megabytes (10^6 bytes) every thread allocated in each phase, then the total.</summary>
    public string DescribeAllocations()
    {
        var parts = _laps.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Phase} {l.Allocated / 1e6:0.0}"));
        return string.Create(CultureInfo.InvariantCulture, $"allocated (MB): {string.Join(", ", parts)}; total {_laps.Sum(l => l.Allocated) / 1e6:0.0}");
    }

    /// <summary>
    /// A fourth line for standard error: the garbage collections of the whole process so far (generations 0, 1 and 2),
    /// the time the runtime was paused for them, and the bytes allocated: the part of a run's CPU that is the
    /// collector's, and what causes it.
    /// </summary>
    public static string DescribeGarbageCollection() =>
        string.Create(CultureInfo.InvariantCulture,
            $"gc: collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s, allocated {GC.GetTotalAllocatedBytes() / 1e6:0.0} MB");

    private readonly record struct Sample(TimeSpan Wall, TimeSpan Cpu, TimeSpan Jit, long JitMethods, long Allocated)
    {
        public static Sample Now(TimeSpan wall) =>
            new(wall, Environment.CpuUsage.TotalTime, JitInfo.GetCompilationTime(currentThread: false), JitInfo.GetCompiledMethodCount(currentThread: false), GC.GetTotalAllocatedBytes());
    }
}
