using System.Globalization;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Progress for logs and pipes (standard error not a terminal): one plain line each time another tenth of the trials
/// is done, with the rate and the time left, e.g. "progress: 30% (30,000 of 100,000 trials, 41,200 trials/s, about 2 s left)".
/// Reports arrive on the simulation's consuming thread, in order.
/// </summary>
internal sealed class PlainProgress(TextWriter error, TimeProvider clock) : IProgress<SimulationProgress>
{
    private readonly long _started = clock.GetTimestamp();
    private int _tenthsShown;

    public void Report(SimulationProgress value)
    {
        if (value.Total <= 0)
        {
            return;
        }

        int tenths = (int)(value.Done * 10 / value.Total);
        if (tenths <= _tenthsShown || tenths >= 10)
        {
            // The last tenth is the summary's job.
            return;
        }

        _tenthsShown = tenths;
        double seconds = clock.GetElapsedTime(_started).TotalSeconds;
        double rate = seconds > 0 ? value.Done / seconds : 0;
        double left = rate > 0 ? (value.Total - value.Done) / rate : double.NaN;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"progress: {tenths * 10}% ({value.Done:N0} of {value.Total:N0} trials, {rate:N0} trials/s, {Left(left)})"));
    }

    private static string Left(double seconds) => double.IsNaN(seconds) ? "time left unknown"
        : seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(seconds):0} s left")
        : string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(seconds / 60):0} min left");
}
