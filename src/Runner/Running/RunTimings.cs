using System.Diagnostics;
using System.Globalization;

namespace StemSimulator.Runner.Running;

/// <summary>
/// Wall-clock time per phase of one <c>stemsim run</c> (<c>--timings</c>): where a short run's time goes before any
/// optimisation is argued. Phases are laps: each ends where the next begins, so they add up to the total.
/// </summary>
/// <remarks>
/// The first phase, <c>start-up</c>, runs from the operating system's process start time to the construction of this
/// object (runtime start, JIT of the host and the command line, argument parsing); the operating system records that
/// start time with a resolution of about 10 ms on Linux.
/// </remarks>
internal sealed class RunTimings
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _laps = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _startUp;
    private TimeSpan _lapStart;

    public RunTimings()
    {
        using var process = Process.GetCurrentProcess();
        _startUp = DateTime.Now - process.StartTime;
        _laps.Add(("start-up", _startUp < TimeSpan.Zero ? TimeSpan.Zero : _startUp));
    }

    /// <summary>The phases measured so far, in order, with their wall time.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Laps => _laps;

    /// <summary>Ends the phase that began at the previous lap (or at construction) and records it as <paramref name="phase"/>.</summary>
    public void Lap(string phase)
    {
        var now = _clock.Elapsed;
        _laps.Add((phase, now - _lapStart));
        _lapStart = now;
    }

    /// <summary>One line for standard error: each phase in seconds, then the total.</summary>
    public string Describe()
    {
        var total = _laps.Aggregate(TimeSpan.Zero, (sum, lap) => sum + lap.Elapsed);
        var parts = _laps.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Phase} {l.Elapsed.TotalSeconds:0.000}"));
        return string.Create(CultureInfo.InvariantCulture, $"timings (s): {string.Join(", ", parts)}; total {total.TotalSeconds:0.000}");
    }
}
