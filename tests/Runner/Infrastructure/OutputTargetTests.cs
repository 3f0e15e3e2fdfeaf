using System.Diagnostics;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>
/// Targets that cannot take the output are refused with a clear message before any work starts: a folder under a
/// file (unwritable whoever runs the tests, root included), a file system without room for the run.
/// </summary>
public sealed class OutputTargetTests
{
    [Test]
    public void Run_into_an_unwritable_target_fails_before_simulating_with_exit_2()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("blocker"), "a file where a folder should be");
        string scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");

        // 100 million trials would take hours: an answer within the minute means nothing was simulated.
        var watch = Stopwatch.StartNew();
        var run = CliProcess.Run(folder.Path, "run", scenario, "--trials", "100000000", "--out", Path.Combine("blocker", "out"), "--quiet");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        Assert.That(run.StandardError, Does.StartWith("error: cannot write into ").And.Not.Contain("   at "));
        Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "blocker" }));
    }

    [Test]
    public void Calibrate_into_an_unwritable_target_fails_before_reading_the_data_with_exit_2()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("blocker"), "a file where a folder should be");

        var run = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--out", Path.Combine(folder.File("blocker"), "cal.csv.gz"), "--quiet");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.StartWith("error: cannot write the calibration tables into ").And.Not.Contain("   at "));
        Assert.That(run.StandardError, Does.Not.Contain("iteration"), "no fit started");
    }

    [Test]
    public void Free_space_check_refuses_only_what_cannot_fit()
    {
        using var folder = new TemporaryFolder();
        var (run, problem) = RunFolder.Prepare(folder.File("out"), force: false);
        Assert.That(problem, Is.Null);
        using (run)
        {
            Assert.That(run!.CheckFreeSpace(1), Is.Null);
            Assert.That(run.CheckFreeSpace(long.MaxValue), Does.StartWith("the file system of ").And.Contain("free; this run writes at least"));
        }

        Assert.That(Directory.GetFileSystemEntries(folder.Path), Is.Empty, "the temporary folder is removed when not committed");
    }
}
