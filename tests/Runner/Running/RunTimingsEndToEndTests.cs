using System.Globalization;
using System.Text.RegularExpressions;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Running;

/// <summary><c>stemsim run --timings</c>: one line on standard error with every phase, adding up to the total.</summary>
public sealed partial class RunTimingsEndToEndTests
{
    [Test]
    public void Timings_line_lists_every_phase_in_order_and_adds_up()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "bench", "ga-8-blocs.yaml");

        var run = CliProcess.Run(folder.Path, "run", scenario, "--trials", "2000", "--out", "t", "--quiet", "--timings");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardOutput, Is.Empty, "--quiet prints nothing on standard output; timings go to standard error");
        var line = run.StandardError.Split('\n').Single(l => l.StartsWith("timings (s): ", StringComparison.Ordinal));
        var phases = Phase().Matches(line).Select(m => (Name: m.Groups[1].Value, Seconds: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToArray();
        Assert.That(phases.Select(p => p.Name), Is.EqualTo(new[] { "start-up", "scenario", "estimator", "simulate", "band", "tables", "report" }));
        Assert.That(phases.All(p => p.Seconds >= 0), Is.True, line);
        double total = double.Parse(Total().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.That(phases.Sum(p => p.Seconds), Is.EqualTo(total).Within(0.004), "the phases are laps and add up to the total (each rounded to 1 ms)");
        Assert.That(phases.Single(p => p.Name == "start-up").Seconds, Is.GreaterThan(0), "a .NET process takes some time to reach the command");

        // The second line: the same phases with their CPU time, JIT time and methods compiled, and the totals.
        var cpuLine = run.StandardError.Split('\n').Single(l => l.StartsWith("cpu (s) (jit s, methods): ", StringComparison.Ordinal));
        var cpu = CpuPhase().Matches(cpuLine).Select(m => (
            Name: m.Groups[1].Value,
            Cpu: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            Methods: long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture))).ToArray();
        Assert.That(cpu.Select(p => p.Name), Is.EqualTo(phases.Select(p => p.Name)), cpuLine);
        var totals = CpuTotal().Match(cpuLine);
        Assert.That(totals.Success, Is.True, cpuLine);
        Assert.That(cpu.Sum(p => p.Cpu), Is.EqualTo(double.Parse(totals.Groups[1].Value, CultureInfo.InvariantCulture)).Within(0.004), cpuLine);
        Assert.That(cpu.Sum(p => p.Methods), Is.EqualTo(long.Parse(totals.Groups[3].Value, CultureInfo.InvariantCulture)), cpuLine);
        Assert.That(cpu.Single(p => p.Name == "start-up").Cpu, Is.GreaterThan(0), "starting the runtime takes CPU time");
        Assert.That(cpu.Single(p => p.Name == "start-up").Methods, Is.GreaterThan(0), "the test's runner is not precompiled: its entry point at least is compiled by the JIT");

        // The third line: the megabytes allocated in each phase, the same phases in order, adding up to the total.
        var allocatedLine = run.StandardError.Split('\n').Single(l => l.StartsWith("allocated (MB): ", StringComparison.Ordinal));
        var allocated = AllocatedPhase().Matches(allocatedLine).Select(m => (Name: m.Groups[1].Value, Megabytes: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToArray();
        Assert.That(allocated.Select(p => p.Name), Is.EqualTo(phases.Select(p => p.Name)), allocatedLine);
        Assert.That(allocated.All(p => p.Megabytes >= 0), Is.True, allocatedLine);
        double allocatedTotal = double.Parse(AllocatedTotal().Match(allocatedLine).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.That(allocated.Sum(p => p.Megabytes), Is.EqualTo(allocatedTotal).Within(0.05 * allocated.Length), "each phase is rounded to 0.1 MB");
        Assert.That(allocated.Single(p => p.Name == "simulate").Megabytes, Is.GreaterThan(0), "the trial blocks and the trial table's buffers are allocated while simulating");

        // The fourth line: the process's garbage collections by generation, their pause and the bytes allocated.
        var gcLine = run.StandardError.Split('\n').Single(l => l.StartsWith("gc: ", StringComparison.Ordinal));
        var gc = GcLine().Match(gcLine);
        Assert.That(gc.Success, Is.True, gcLine);
        long[] collections = [.. Enumerable.Range(1, 3).Select(g => long.Parse(gc.Groups[g].Value, CultureInfo.InvariantCulture))];
        Assert.That(collections[0], Is.GreaterThanOrEqualTo(collections[1]), "every generation-1 collection also collects generation 0");
        Assert.That(collections[1], Is.GreaterThanOrEqualTo(collections[2]), "every generation-2 collection also collects generation 1");
        Assert.That(double.Parse(gc.Groups[5].Value, CultureInfo.InvariantCulture), Is.GreaterThan(1.0), "a run of 2,000 trials allocates more than a megabyte (the model, the catalog)");
        Assert.That(allocatedTotal, Is.LessThanOrEqualTo(double.Parse(gc.Groups[5].Value, CultureInfo.InvariantCulture) + 0.05), "the phases end at 'report'; the collector's line, printed after, counts at least as much");
    }

    [Test]
    public void Without_the_flag_no_timings_are_printed()
    {
        using var folder = new TemporaryFolder();
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "bench", "ga-8-blocs.yaml");

        var run = CliProcess.Run(folder.Path, "run", scenario, "--trials", "200", "--out", "t", "--quiet");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Not.Contain("timings"));
    }

    [GeneratedRegex(@"(?:: |, )([a-z][a-z -]*?) (\d+\.\d{3})")]
    private static partial Regex Phase();

    [GeneratedRegex(@"; total (\d+\.\d{3})$")]
    private static partial Regex Total();

    [GeneratedRegex(@"^gc: collections (\d+)/(\d+)/(\d+) \(gen 0/1/2\), paused (\d+\.\d{3}) s, allocated (\d+\.\d) MB$")]
    private static partial Regex GcLine();

    [GeneratedRegex(@"(?:: |, )([a-z][a-z -]*?) (\d+\.\d{3}) \(jit (\d+\.\d{3}), (\d+)\)")]
    private static partial Regex CpuPhase();

    [GeneratedRegex(@"; total (\d+\.\d{3}) \(jit (\d+\.\d{3}), (\d+)\)$")]
    private static partial Regex CpuTotal();

    [GeneratedRegex(@"(?:: |, )([a-z][a-z -]*?) (\d+\.\d)(?=,|;)")]
    private static partial Regex AllocatedPhase();

    [GeneratedRegex(@"; total (\d+\.\d)$")]
    private static partial Regex AllocatedTotal();
}
