using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>Progress for logs: a line per tenth, with rate and time left, never more than one per tenth.</summary>
public sealed class PlainProgressTests
{
    [Test]
    public void One_line_per_tenth_with_rate_and_time_left()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var error = new StringWriter();
        var progress = new PlainProgress(error, clock);
        for (long done = 8_192; done <= 100_000; done += 8_192)
        {
            clock.Advance(TimeSpan.FromSeconds(0.5));
            progress.Report(new SimulationProgress(done, 100_000));
        }

        progress.Report(new SimulationProgress(100_000, 100_000));
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => l[..l.IndexOf('%', StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "progress: 10", "progress: 20", "progress: 30", "progress: 40", "progress: 50", "progress: 60", "progress: 70", "progress: 80", "progress: 90",
        }));
        Assert.That(lines[0], Is.EqualTo("progress: 10% (16,384 of 100,000 trials, 16,384 trials/s, about 6 s left)"));
    }
}
