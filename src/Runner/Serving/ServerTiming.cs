using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// Where one request's time went, phase by phase, sent back in a <c>Server-Timing</c> header (W3C Server Timing:
/// <c>name;dur=wall milliseconds;desc="cpu N ms"</c>), so that a browser's network panel, <c>curl -D -</c> or the
/// benchmark shows it without a profiler. The CPU is the whole process's over the phase (every thread, so with both
/// cores busy it approaches twice the wall time; another request running at the same time adds to it).
/// </summary>
internal sealed class ServerTiming
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "Server-Timing";

    private readonly List<(string Name, double Wall, double Cpu)> _phases = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _cpuAtMark = Environment.CpuUsage.TotalTime;
    private TimeSpan _wallAtMark;

    /// <summary>Ends the phase that began at the previous mark (or at construction) and names it.</summary>
    /// <param name="name">A token (letters, digits, '-', '_').</param>
    public void Mark(string name)
    {
        var wall = _clock.Elapsed;
        var cpu = Environment.CpuUsage.TotalTime;
        lock (_phases)
        {
            _phases.Add((name, (wall - _wallAtMark).TotalMilliseconds, (cpu - _cpuAtMark).TotalMilliseconds));
            _wallAtMark = wall;
            _cpuAtMark = cpu;
        }
    }

    /// <summary>The header's value: every phase in order, then <c>total</c>.</summary>
    public string HeaderValue()
    {
        var text = new StringBuilder();
        double wall = 0, cpu = 0;
        lock (_phases)
        {
            foreach (var (name, phaseWall, phaseCpu) in _phases)
            {
                Append(text, name, phaseWall, phaseCpu);
                wall += phaseWall;
                cpu += phaseCpu;
            }
        }

        Append(text, "total", wall, cpu);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, double wall, double cpu)
    {
        if (text.Length > 0)
        {
            text.Append(", ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{name};dur={wall:0.0};desc=\"cpu {cpu:0.0} ms\"");
    }
}
