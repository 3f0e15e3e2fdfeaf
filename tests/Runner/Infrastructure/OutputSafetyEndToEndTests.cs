using StemSimulator.Runner.Infrastructure;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>
/// The real CLI never deletes or overwrites what stemsim did not write (issue 18): <c>--force</c> replaces only a
/// folder carrying stemsim's marker and holding nothing else, never the current folder, its parents, the root or a
/// folder holding an input; single-file outputs refuse existing files without <c>--force</c>, folders, devices and
/// FIFOs always, and replace a link rather than writing through it.
/// </summary>
public sealed class OutputSafetyEndToEndTests
{
    private static readonly string Scenario = Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml");

    private static CliProcess.Result Run(string folder, string output, params string[] more) =>
        CliProcess.Run(folder, ["run", Scenario, "--trials", "1000", "--out", output, "--quiet", .. more]);

    [Test]
    public void Force_refuses_a_folder_that_is_not_a_stemsim_output_and_keeps_every_file()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("u/sub"));
        File.WriteAllText(folder.File("u/thesis.docx"), "the user's work");

        var run = Run(folder.Path, "u", "--force");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("not a stemsim output folder").And.Contain(OutputMarker.FileName));
        Assert.That(File.ReadAllText(folder.File("u/thesis.docx")), Is.EqualTo("the user's work"));
        Assert.That(Directory.Exists(folder.File("u/sub")), Is.True);
    }

    [Test]
    public void Force_refuses_a_folder_whose_marker_was_edited_out_of_shape_with_one_line()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("u"));
        // A file name that is not a string: the marker was not written by stemsim as it stands.
        File.WriteAllText(folder.File($"u/{OutputMarker.FileName}"), """{"command": "run", "version": "1", "files": [1]}""");
        File.WriteAllText(folder.File("u/notes.txt"), "the user's notes");

        var run = Run(folder.Path, "u", "--force");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
        Assert.That(run.StandardError.Trim().Split('\n'), Has.Length.EqualTo(1), run.StandardError);
        Assert.That(run.StandardError, Does.Contain("not a stemsim output folder").And.Not.Contain("internal error"));
        Assert.That(File.ReadAllText(folder.File("u/notes.txt")), Is.EqualTo("the user's notes"));
    }

    [Test]
    public void Force_replaces_a_run_folder_but_refuses_and_names_files_the_user_added()
    {
        using var folder = new TemporaryFolder();
        Assert.That(Run(folder.Path, "r").ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(folder.File("r/" + OutputMarker.FileName)), Does.Contain("\"command\": \"run\"").And.Contain("summary.parquet"));
        Assert.That(Run(folder.Path, "r", "--force").ExitCode, Is.EqualTo(0), "a folder holding only stemsim's files is replaced");

        File.WriteAllText(folder.File("r/my-briefing.md"), "written by hand");
        var refused = Run(folder.Path, "r", "--force");

        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.StandardError);
        Assert.That(refused.StandardError, Does.Contain("holds files stemsim did not write ('my-briefing.md')"));
        Assert.That(File.ReadAllText(folder.File("r/my-briefing.md")), Is.EqualTo("written by hand"));
        Assert.That(Directory.GetFileSystemEntries(folder.Path, ".r.tmp-*"), Is.Empty);
    }

    [Test]
    public void A_briefing_stemsim_report_wrote_into_the_run_folder_counts_as_stemsims()
    {
        using var folder = new TemporaryFolder();
        Assert.That(Run(folder.Path, "r").ExitCode, Is.EqualTo(0));
        var report = CliProcess.Run(folder.Path, "report", "r", "--quiet");
        Assert.That(report.ExitCode, Is.EqualTo(0), report.StandardError);
        Assert.That(File.ReadAllText(folder.File("r/" + OutputMarker.FileName)), Does.Contain("briefing.html"));

        var again = CliProcess.Run(folder.Path, "report", "r", "--quiet");
        Assert.That(again.ExitCode, Is.EqualTo(0), "report may rewrite its own briefing: " + again.StandardError);
        var rerun = Run(folder.Path, "r", "--force");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.StandardError);
        Assert.That(File.Exists(folder.File("r/briefing.html")), Is.False, "the old run's briefing went with the old run");
    }

    [Test]
    public void Force_never_replaces_the_current_folder_its_parents_the_root_or_a_folder_holding_the_scenario()
    {
        using var folder = new TemporaryFolder();
        string scenario = folder.File("s.yaml");
        File.Copy(Scenario, scenario);
        Directory.CreateDirectory(folder.File("work"));
        // Even a folder with a marker (a user who copied a run's files in) is not replaced when it holds the input.
        File.WriteAllText(folder.File(OutputMarker.FileName), "{\"command\":\"run\",\"version\":\"0\",\"files\":[\"s.yaml\"]}");

        foreach (var (cwd, output, reason) in new[]
        {
            (folder.Path, ".", "it is the current folder"),
            (folder.File("work"), "..", "it holds the current folder"),
            (folder.Path, "/", "it is the root folder"),
            (folder.File("work"), folder.Path, "it holds the current folder"),
        })
        {
            var run = CliProcess.Run(cwd, "run", scenario, "--trials", "1000", "--out", output, "--force", "--quiet");
            Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
            Assert.That(run.StandardError, Does.Contain(reason), output);
        }

        var held = CliProcess.Run("/tmp", "run", scenario, "--trials", "1000", "--out", folder.Path, "--force", "--quiet");
        Assert.That(held.StandardError, Does.Contain("holds '" + scenario + "', an input of this command"));
        var withoutForce = CliProcess.Run(folder.Path, "run", scenario, "--trials", "1000", "--out", "/", "--quiet");
        Assert.That(withoutForce.StandardError, Does.Contain("it is the root folder").And.Not.Contain("pass --force"));
        Assert.That(File.Exists(scenario), Is.True);
    }

    [Test]
    public void Stale_temporary_folders_of_dead_processes_are_removed_by_the_next_run_on_the_target()
    {
        using var folder = new TemporaryFolder();
        // Process ids above the kernel's limit (4194304) never belong to a live process.
        Directory.CreateDirectory(folder.File(".r.tmp-4999999"));
        Directory.CreateDirectory(folder.File(".r.tmp-4999998.old"));
        Directory.CreateDirectory(folder.File(".other.tmp-4999999"));
        Directory.CreateDirectory(folder.File($".r.tmp-{Environment.ProcessId}"));

        Assert.That(Run(folder.Path, "r").ExitCode, Is.EqualTo(0));

        Assert.That(Directory.Exists(folder.File(".r.tmp-4999999")), Is.False);
        Assert.That(Directory.Exists(folder.File(".r.tmp-4999998.old")), Is.False);
        Assert.That(Directory.Exists(folder.File(".other.tmp-4999999")), Is.True, "another target's temporaries are not touched");
        Assert.That(Directory.Exists(folder.File($".r.tmp-{Environment.ProcessId}")), Is.True, "a live process's temporary is kept");
    }

    [Test]
    public void Single_file_outputs_refuse_an_existing_file_without_force()
    {
        using var folder = new TemporaryFolder();
        Assert.That(Run(folder.Path, "r").ExitCode, Is.EqualTo(0));
        File.WriteAllText(folder.File("notes.md"), "mine");

        var report = CliProcess.Run(folder.Path, "report", "r", "--out", "notes.md", "--quiet");
        var schema = CliProcess.Run(folder.Path, "schema", "--out", "notes.md", "--quiet");

        Assert.That(report.ExitCode, Is.EqualTo(2), report.StandardError);
        Assert.That(report.StandardError, Does.Contain("'notes.md' already exists; pass --force"));
        Assert.That(schema.ExitCode, Is.EqualTo(2), schema.StandardError);
        Assert.That(File.ReadAllText(folder.File("notes.md")), Is.EqualTo("mine"));

        Assert.That(CliProcess.Run(folder.Path, "schema", "--out", "notes.md", "--force", "--quiet").ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(folder.File("notes.md")), Does.StartWith("{"));
    }

    [Test]
    public void A_link_as_output_is_replaced_never_written_through()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("precious.txt"), "keep me");
        File.CreateSymbolicLink(folder.File("link.json"), folder.File("precious.txt"));
        File.CreateSymbolicLink(folder.File("dangling.json"), folder.File("nowhere"));

        Assert.That(CliProcess.Run(folder.Path, "schema", "--out", "link.json", "--quiet").ExitCode, Is.EqualTo(2));
        var forced = CliProcess.Run(folder.Path, "schema", "--out", "link.json", "--force", "--quiet");
        var dangling = CliProcess.Run(folder.Path, "schema", "--out", "dangling.json", "--force", "--quiet");

        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.StandardError);
        Assert.That(dangling.ExitCode, Is.EqualTo(0), dangling.StandardError);
        Assert.That(File.ReadAllText(folder.File("precious.txt")), Is.EqualTo("keep me"));
        Assert.That(new FileInfo(folder.File("link.json")).LinkTarget, Is.Null, "the link itself was replaced by the schema");
        Assert.That(File.Exists(folder.File("nowhere")), Is.False);
    }

    [Test]
    public void Report_into_an_existing_folder_is_refused_before_reading_the_run()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("a-folder"));

        // The run folder does not even exist: the target is checked first.
        var report = CliProcess.Run(folder.Path, "report", "no-such-run", "--out", "a-folder", "--quiet");

        Assert.That(report.ExitCode, Is.EqualTo(2), report.StandardError);
        Assert.That(report.StandardError, Does.Contain("'a-folder' is a folder; give a file name with --out"));
    }

    [Test]
    public void Fifos_and_devices_are_never_outputs()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("named pipes and /dev are tested on Linux only");
        }

        using var folder = new TemporaryFolder();
        string fifo = folder.File("pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        foreach (var (target, kind) in new[] { (fifo, "a named pipe (FIFO)"), ("/dev/null", "a device"), ("/dev/full", "a device") })
        {
            foreach (var arguments in new[] { new[] { "schema", "--out", target, "--force", "--quiet" }, ["report", "r", "--out", target, "--force", "--quiet"] })
            {
                var run = CliProcess.Run(folder.Path, arguments);
                Assert.That(run.ExitCode, Is.EqualTo(2), run.StandardError);
                Assert.That(run.StandardError, Does.Contain($"is {kind}; stemsim writes only regular files"), string.Join(' ', arguments));
            }
        }

        File.CreateSymbolicLink(folder.File("to-stdout"), "/proc/self/fd/1");
        var link = CliProcess.Run(folder.Path, "schema", "--out", "to-stdout", "--force", "--quiet");
        Assert.That(link.ExitCode, Is.EqualTo(2), link.StandardError);
        Assert.That(link.StandardError, Does.Contain("is a symbolic link to"));
        Assert.That(new FileInfo("/dev/null").Length, Is.EqualTo(0));
        Assert.That(new FileInfo(fifo).LinkTarget, Is.Null);
    }

    [Test]
    public void A_run_folder_target_that_is_a_file_a_link_or_a_device_is_refused()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("f"), "x");
        File.CreateSymbolicLink(folder.File("dangling"), folder.File("nowhere"));

        Assert.That(Run(folder.Path, "f", "--force").StandardError, Does.Contain("'f' is a file"));
        Assert.That(Run(folder.Path, "dangling", "--force").StandardError, Does.Contain("'dangling' is a symbolic link"));
        Assert.That(Run(folder.Path, "/dev/null", "--force").StandardError, Does.Contain("'/dev/null' is a device"));
        Assert.That(File.ReadAllText(folder.File("f")), Is.EqualTo("x"));
    }
}
