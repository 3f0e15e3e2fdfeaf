using System.Globalization;
using System.IO.Compression;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>The real <c>stemsim calibrate</c> on a small real subset of the shared data.</summary>
public sealed class CalibrateCommandTests
{
    private static readonly string[] VolatileKeys = ["created_utc", "load_seconds", "fit_seconds", "shock_seconds", "command", "git_commit"];

    [Test]
    public void Calibration_of_a_real_subset_is_deterministic_whatever_the_thread_count()
    {
        using var folder = new TemporaryFolder();
        var one = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("one.csv.gz"), "--threads", "1", "--quiet");
        var two = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("two.csv.gz"), "--threads", "2", "--quiet");

        Assert.That(one.ExitCode, Is.EqualTo(0), one.StandardError);
        Assert.That(two.ExitCode, Is.EqualTo(0), two.StandardError);
        Assert.That(File.ReadAllBytes(folder.File("two.csv.gz")), Is.EqualTo(File.ReadAllBytes(folder.File("one.csv.gz"))), "positions");
        Assert.That(File.ReadAllBytes(folder.File("two_roll_calls.csv.gz")), Is.EqualTo(File.ReadAllBytes(folder.File("one_roll_calls.csv.gz"))), "roll calls");
        Assert.That(StableModelLines(folder.File("two_model.csv")), Is.EqualTo(StableModelLines(folder.File("one_model.csv"))), "model");
    }

    [Test]
    public void Shock_matching_gives_the_same_tables_with_its_refits_beside_the_fit_or_after_it()
    {
        // Two threads run the out-of-sample refits (to 2018, then to 2019, the second while 2019 is scored) beside
        // the fit; one thread runs everything one step after another. Same tables, shock sizes included.
        using var folder = new TemporaryFolder();
        var one = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--shock-years", "2", "--out", folder.File("one.csv.gz"), "--threads", "1", "--quiet");
        var two = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--shock-years", "2", "--out", folder.File("two.csv.gz"), "--threads", "2", "--quiet");

        Assert.That(one.ExitCode, Is.EqualTo(0), one.StandardError);
        Assert.That(two.ExitCode, Is.EqualTo(0), two.StandardError);
        Assert.That(File.ReadAllBytes(folder.File("two.csv.gz")), Is.EqualTo(File.ReadAllBytes(folder.File("one.csv.gz"))), "positions");
        Assert.That(File.ReadAllBytes(folder.File("two_roll_calls.csv.gz")), Is.EqualTo(File.ReadAllBytes(folder.File("one_roll_calls.csv.gz"))), "roll calls");
        var model = StableModelLines(folder.File("two_model.csv"));
        Assert.That(model, Is.EqualTo(StableModelLines(folder.File("one_model.csv"))), "model");
        Assert.That(model, Has.One.StartsWith("shock_global_from,out-of-sample analog forecasts of 2019-2020"));
    }

    [Test]
    public void Tables_hold_every_roll_call_and_the_United_States_on_the_positive_side()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("cal.csv.gz"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        var positions = ReadGzipLines(folder.File("cal.csv.gz"));
        var rollCalls = ReadGzipLines(folder.File("cal_roll_calls.csv.gz"));

        // 60 unvotes roll calls (20 per session 72-74) and 12 UNDL resolutions of 2020.
        Assert.That(rollCalls.Length - 1, Is.EqualTo(72));
        var usa = positions.Where(l => l.StartsWith("USA,2019,", StringComparison.Ordinal)).Single().Split(',');
        Assert.That(double.Parse(usa[2], CultureInfo.InvariantCulture), Is.GreaterThan(0));
        Assert.That(result.StandardOutput, Does.Contain("iterations").And.Contain("log-likelihood"));
    }

    [Test]
    public void A_missing_data_folder_exits_2()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", folder.File("nowhere"), "--out", folder.File("cal.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("does not exist"));
    }

    private static string[] StableModelLines(string path) =>
        File.ReadAllLines(path).Where(l => !VolatileKeys.Any(k => l.StartsWith(k + ",", StringComparison.Ordinal))).ToArray();

    private static string[] ReadGzipLines(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
