using StemSimulator.Runner.Calibration;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>
/// The calibration tables started before the shocks are matched (<see cref="TableWriting"/>): all three are put in
/// place together when finished, and none when the command stops before (an interruption, a failed step) or a write fails.
/// </summary>
public sealed class TableWritingTests
{
    [Test]
    public void Finishing_puts_the_two_tables_started_early_and_the_model_in_place_together()
    {
        using var folder = new TemporaryFolder();
        using (var writing = Start(folder, fail: false))
        {
            Assert.That(File.Exists(folder.File("positions.csv")), Is.False, "nothing is in place before the model is written");
            writing.Finish([("last_year", "2021")]);
        }

        Assert.That(File.ReadAllText(folder.File("positions.csv")), Is.EqualTo("positions\n"));
        Assert.That(File.ReadAllText(folder.File("roll_calls.csv")), Is.EqualTo("roll calls\n"));
        Assert.That(File.ReadAllText(folder.File("model.csv")), Is.EqualTo("last_year=2021\n"));
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(3), "no temporary file is left");
    }

    [Test]
    public void Stopping_before_the_model_leaves_nothing_behind()
    {
        using var folder = new TemporaryFolder();
        using (Start(folder, fail: false))
        {
            // The shock matching throws or is interrupted: the writing is disposed without being finished.
        }

        Assert.That(Directory.GetFiles(folder.Path), Is.Empty);
    }

    [Test]
    public void A_failed_write_is_thrown_from_finish_and_nothing_is_put_in_place()
    {
        using var folder = new TemporaryFolder();
        using (var writing = Start(folder, fail: true))
        {
            var thrown = Assert.Throws<IOException>(() => writing.Finish([("last_year", "2021")]));
            Assert.That(thrown!.Message, Is.EqualTo("disk full"));
        }

        Assert.That(Directory.GetFiles(folder.Path), Is.Empty);
    }

    /// <summary>Starts writing two tables (the roll calls' write failing when asked) and a model table into <paramref name="folder"/>.</summary>
    private static TableWriting Start(TemporaryFolder folder, bool fail) => new(
        [
            (folder.File("positions.csv"), writer => writer.Write("positions\n")),
            (folder.File("roll_calls.csv"), writer => writer.Write(fail ? throw new IOException("disk full") : "roll calls\n")),
        ],
        (folder.File("model.csv"), rows => writer => writer.Write(string.Concat(rows.Select(r => $"{r.Key}={r.Value}\n")))),
        (temporary, _, write) =>
        {
            using var writer = new StreamWriter(temporary);
            write(writer);
        });
}
