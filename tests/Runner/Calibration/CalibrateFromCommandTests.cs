using System.Globalization;
using System.IO.Compression;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary><c>stemsim calibrate --from TABLE</c> on the small real fixture: the update, and every refusal.</summary>
public sealed class CalibrateFromCommandTests
{
    [Test]
    public void An_update_keeps_the_earlier_years_on_one_affine_scale_fits_the_new_year_and_is_deterministic()
    {
        using var folder = new TemporaryFolder();
        var full = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("to2019.csv.gz"), "--quiet");
        Assert.That(full.ExitCode, Is.EqualTo(0), full.StandardError);

        var update = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2019.csv.gz"), "--data", Fixtures.UnSmall, "--until", "2020", "--out", folder.File("to2020.csv.gz"), "--threads", "2");
        var oneThread = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2019.csv.gz"), "--data", Fixtures.UnSmall, "--until", "2020", "--out", folder.File("again.csv.gz"), "--threads", "1", "--quiet");

        Assert.That(update.ExitCode, Is.EqualTo(0), update.StandardError);
        Assert.That(oneThread.ExitCode, Is.EqualTo(0), oneThread.StandardError);
        Assert.That(File.ReadAllBytes(folder.File("again.csv.gz")), Is.EqualTo(File.ReadAllBytes(folder.File("to2020.csv.gz"))), "positions do not depend on the thread count");
        Assert.That(File.ReadAllBytes(folder.File("again_roll_calls.csv.gz")), Is.EqualTo(File.ReadAllBytes(folder.File("to2020_roll_calls.csv.gz"))), "nor do roll calls");
        Assert.That(update.StandardOutput, Does.Contain("2017-2020 (2017-2017 kept, 2018-2020 fitted)"));
        var before = Positions(folder.File("to2019.csv.gz"));
        var after = Positions(folder.File("to2020.csv.gz"));
        Assert.That(after.Keys.Select(k => k.Year).Distinct().Order(), Is.EqualTo(new[] { 2017, 2018, 2019, 2020 }));

        // The kept year is the table's, re-expressed by the one affine map of the re-scaling: a perfect correlation
        // (up to the 4-decimal rounding) and the same units.
        var kept = before.Keys.Where(k => k.Year == 2017).ToArray();
        Assert.That(after.Keys.Where(k => k.Year == 2017), Is.EquivalentTo(kept));
        Assert.That(Correlation(kept.Select(k => (before[k], after[k]))), Is.GreaterThan(0.99999));

        var model = File.ReadAllLines(folder.File("to2020_model.csv")).Select(l => l.Split(',', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.That(model["first_year"], Is.EqualTo("2017"));
        Assert.That(model["last_year"], Is.EqualTo("2020"));
        Assert.That(model["refit_years"], Is.EqualTo("2018-2020"));
        Assert.That(model["kept_years"], Is.EqualTo("2017-2017"));
        Assert.That(model["updated_from_sha256"], Has.Length.EqualTo(64));
        Assert.That(model["command"], Does.Contain("--from"));
        var rollCalls = ReadGzipLines(folder.File("to2020_roll_calls.csv.gz"));
        Assert.That(rollCalls.Length - 1, Is.EqualTo(72), "60 unvotes roll calls of 2017-2019 and 12 UNDL resolutions of 2020");
    }

    [Test]
    public void A_missing_table_exits_2_naming_it_and_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var result = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("nowhere.csv.gz"), "--data", Fixtures.UnSmall, "--out", folder.File("out.csv.gz"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("nowhere.csv.gz").And.Contain("does not exist"));
        Assert.That(Directory.EnumerateFiles(folder.Path), Is.Empty);
    }

    [Test]
    public void A_corrupt_table_exits_2_naming_the_file_and_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var full = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("to2019.csv.gz"), "--quiet");
        Assert.That(full.ExitCode, Is.EqualTo(0), full.StandardError);
        string header = ReadGzipLines(folder.File("to2019.csv.gz"))[0];
        var bytes = File.ReadAllBytes(folder.File("to2019.csv.gz"));
        File.WriteAllBytes(folder.File("to2019.csv.gz"), bytes[..(bytes.Length / 2)]);

        var truncated = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2019.csv.gz"), "--data", Fixtures.UnSmall, "--out", folder.File("out.csv.gz"));

        Assert.That(truncated.ExitCode, Is.EqualTo(2), truncated.StandardError);
        Assert.That(truncated.StandardError, Does.Contain("to2019.csv.gz"));
        Assert.That(truncated.StandardError, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(File.Exists(folder.File("out.csv.gz")), Is.False);

        // A row with a word for a number: the file and its line.
        using (var writer = new StreamWriter(new GZipStream(File.Create(folder.File("to2019.csv.gz")), CompressionLevel.Fastest)))
        {
            writer.Write(header + "\n");
            writer.Write("AFG,2017,high,0.1,0,0,0,0,0,0,0.01,20,20\n");
        }

        var malformed = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2019.csv.gz"), "--data", Fixtures.UnSmall, "--out", folder.File("out.csv.gz"));

        Assert.That(malformed.ExitCode, Is.EqualTo(2), malformed.StandardError);
        Assert.That(malformed.StandardError, Does.Contain("to2019.csv.gz:2:"));
        Assert.That(File.Exists(folder.File("out.csv.gz")), Is.False);
    }

    [Test]
    public void An_until_not_after_the_table_exits_2()
    {
        using var folder = new TemporaryFolder();
        var full = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--out", folder.File("to2020.csv.gz"), "--quiet");
        Assert.That(full.ExitCode, Is.EqualTo(0), full.StandardError);

        var before = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2020.csv.gz"), "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("out.csv.gz"));
        var nothingNew = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2020.csv.gz"), "--data", Fixtures.UnSmall, "--out", folder.File("out.csv.gz"));

        Assert.That(before.ExitCode, Is.EqualTo(2));
        Assert.That(before.StandardError, Does.Contain("--until 2019 is not after the last year of").And.Contain("to2020.csv.gz").And.Contain("(2020)"));
        Assert.That(nothingNew.ExitCode, Is.EqualTo(2));
        Assert.That(nothingNew.StandardError, Does.Contain("has no votes after the last year of"));
        Assert.That(File.Exists(folder.File("out.csv.gz")), Is.False);
    }

    [Test]
    public void A_table_from_other_data_exits_2_naming_the_roll_call_row()
    {
        using var folder = new TemporaryFolder();
        var full = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("to2019.csv.gz"), "--quiet");
        Assert.That(full.ExitCode, Is.EqualTo(0), full.StandardError);

        // The same fixture with one recorded vote changed in a year the update reads (it refits from 2018): Afghanistan's
        // yes on rcid 9057 (December 2019) becomes a no.
        string data = Fixtures.CopyUnSmall(Path.Combine(folder.Path, "data"));
        string votes = Path.Combine(data, "unvotes_dgrtwo", "un_votes.csv");
        var lines = File.ReadAllLines(votes);
        int at = Array.IndexOf(lines, "9057,Afghanistan,AF,yes");
        Assert.That(at, Is.GreaterThan(0));
        lines[at] = "9057,Afghanistan,AF,no";
        File.WriteAllLines(votes, lines);

        var result = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2019.csv.gz"), "--data", data, "--until", "2020", "--out", folder.File("out.csv.gz"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardError);
        Assert.That(result.StandardError, Does.Match(@"to2019_roll_calls\.csv\.gz:\d+: roll call 9057 \(2019\) has yes/abstain/no/absent"));
        Assert.That(result.StandardError, Does.Contain("made from other data"));
        Assert.That(File.Exists(folder.File("out.csv.gz")), Is.False);
    }

    [Test]
    public void Out_of_sample_shock_years_reaching_before_the_table_exit_2()
    {
        using var folder = new TemporaryFolder();
        var full = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--data", Fixtures.UnSmall, "--until", "2019", "--out", folder.File("to2019.csv.gz"), "--quiet");
        Assert.That(full.ExitCode, Is.EqualTo(0), full.StandardError);

        var result = CliProcess.Run(RepositoryPaths.Root, "calibrate", "--from", folder.File("to2019.csv.gz"), "--data", Fixtures.UnSmall, "--until", "2020", "--shock-years", "2", "--out", folder.File("out.csv.gz"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("--shock-years 2 with --from: at most 1"));
        Assert.That(File.Exists(folder.File("out.csv.gz")), Is.False);
    }

    private static Dictionary<(string Unit, int Year), double> Positions(string path) =>
        ReadGzipLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture)), f => double.Parse(f[2], CultureInfo.InvariantCulture));

    private static double Correlation(IEnumerable<(double A, double B)> values)
    {
        var pairs = values.ToArray();
        double ma = pairs.Average(p => p.A), mb = pairs.Average(p => p.B);
        double sab = pairs.Sum(p => (p.A - ma) * (p.B - mb));
        double saa = pairs.Sum(p => (p.A - ma) * (p.A - ma));
        double sbb = pairs.Sum(p => (p.B - mb) * (p.B - mb));
        return sab / Math.Sqrt(saa * sbb);
    }

    private static string[] ReadGzipLines(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
