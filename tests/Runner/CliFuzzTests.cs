using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner;

/// <summary>
/// A seeded fuzz of the real command line (issue 18): commands with options and values drawn from good, bad and
/// absurd ones, and paths of every kind (a regular file, a folder, a FIFO, a link, a dangling link, a device, the
/// current folder, a run folder, a file of the user's). Every case must end with a message and an exit code, never an
/// "internal error" or a stack trace, never hang, and change nothing outside what the command may write.
/// </summary>
[NonParallelizable]
public sealed class CliFuzzTests
{
    /// <summary>Cases at most; the fuzz also stops after <see cref="Budget"/> so it stays under a minute.</summary>
    private const int MaxCases = 60;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    [Test]
    public void Random_command_lines_never_crash_and_change_nothing_outside_their_target()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("the sandbox holds a FIFO and links to /dev, which need Linux");
        }

        using var sandbox = new TemporaryFolder();
        string work = sandbox.File("work");
        Directory.CreateDirectory(work);
        Build(sandbox.Path, work);

        string[] paths =
        [
            "s.yaml", "folder", "pipe", "link.yaml", "dangling.yaml", "/dev/null", "/dev/zero", ".", "..", "/", "run",
            "notes.txt", "", "new-out", "new-out/sub", "folder/new", "user-folder", "link-to-folder", "no/such/parent/x",
            "out.md", "out.html", "schema.json", "\u202Eevil", "z\u200Bw.yaml", "run/summary.parquet",
        ];
        string[] commands = ["run", "validate", "report", "schema", "power", "merge", "members"];
        string[] options = ["--out", "--force", "--quiet", "--trials", "--seed", "--format", "--json", "--threads", "--council", "--scenario", "--power", "--shard-index", "--shard-count"];
        string[] numbers = ["50", "100", "0", "-1", "1e6", "abc", "2147483648", "18446744073709551616", "", "3"];
        string[] words = ["html", "md", "pdf", "all", "g4", "current", "x"];

        var random = new Random(18);
        var watch = Stopwatch.StartNew();
        int cases = 0;
        var before = Snapshot(sandbox.Path);
        while (cases < MaxCases && (watch.Elapsed < Budget || cases < 10))
        {
            string command = commands[random.Next(commands.Length)];
            var arguments = new List<string> { command };
            if (command is not ("schema" or "members" or "power"))
            {
                arguments.Add(paths[random.Next(paths.Length)]);
            }

            string? output = null;
            int count = random.Next(0, 5);
            for (int i = 0; i < count; i++)
            {
                string option = options[random.Next(options.Length)];
                arguments.Add(option);
                switch (option)
                {
                    case "--out" or "--council" or "--scenario" or "--power":
                        string path = paths[random.Next(paths.Length)];
                        arguments.Add(path);
                        if (option == "--out")
                        {
                            output = path;
                        }

                        break;
                    case "--trials" or "--seed" or "--threads" or "--shard-index" or "--shard-count":
                        arguments.Add(numbers[random.Next(numbers.Length)]);
                        break;
                    case "--format":
                        arguments.Add(words[random.Next(words.Length)]);
                        break;
                }
            }

            // Never a long run: the fuzz is about files and messages, not about simulating.
            if (command == "run" && !arguments.Contains("--trials"))
            {
                arguments.AddRange(["--trials", "50"]);
            }

            var (exit, error) = Run(work, arguments);
            string shown = string.Join(' ', arguments.Select(a => "'" + a + "'"));
            TestContext.Out.WriteLine($"{shown} -> {exit}");
            Assert.That(exit, Is.AnyOf(0, 1, 2), $"{shown}: {error}");
            Assert.That(error, Does.Not.Contain("internal error").And.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), shown);

            var after = Snapshot(sandbox.Path);
            var allowed = Allowed(work, command, arguments, output);
            var changed = before.Keys.Union(after.Keys)
                .Where(p => !before.TryGetValue(p, out var b) || !after.TryGetValue(p, out var a) || a != b)
                .Where(p => !allowed.Any(root => p == root || p.StartsWith(root + "/", StringComparison.Ordinal)))
                .ToArray();
            Assert.That(changed, Is.Empty, $"{shown} changed files outside its target");
            before = after;
            cases++;
        }

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases} cases in {watch.Elapsed.TotalSeconds:F1} s"));
        Assert.That(cases, Is.GreaterThanOrEqualTo(10));
    }

    /// <summary>The sandbox: the scenario, a run folder, the user's files and every kind of path.</summary>
    private static void Build(string sandbox, string work)
    {
        File.Copy(Path.Combine(RepositoryPaths.Scenarios, "ga-hrc-suspension-2026.yaml"), Path.Combine(work, "s.yaml"));
        File.WriteAllText(Path.Combine(work, "notes.txt"), "the user's notes");
        File.WriteAllText(Path.Combine(sandbox, "outside.txt"), "beside the working folder");
        Directory.CreateDirectory(Path.Combine(work, "folder"));
        Directory.CreateDirectory(Path.Combine(work, "user-folder"));
        File.WriteAllText(Path.Combine(work, "user-folder", "thesis.docx"), "years of work");
        File.CreateSymbolicLink(Path.Combine(work, "link.yaml"), Path.Combine(work, "s.yaml"));
        File.CreateSymbolicLink(Path.Combine(work, "dangling.yaml"), Path.Combine(work, "nowhere.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(work, "link-to-folder"), Path.Combine(work, "user-folder"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(work, "pipe")]))
        {
            mkfifo.WaitForExit();
        }

        var run = CliProcess.Run(work, "run", "s.yaml", "--trials", "100", "--out", "run", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
    }

    /// <summary>What the command may change: its --out, its default outputs, a briefing in the run folder.</summary>
    private static List<string> Allowed(string work, string command, List<string> arguments, string? output)
    {
        var allowed = new List<string> { Path.Combine(work, "runs") };
        if (output is { Length: > 0 })
        {
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output, work));
            string parent = Path.GetDirectoryName(full) ?? full;
            switch (command)
            {
                case "run" or "merge":
                    allowed.Add(full);
                    break;
                case "power":
                    allowed.Add(Path.Combine(full, "power.parquet"));
                    allowed.Add(Path.Combine(full, ".stemsim-output.json"));
                    break;
                default:
                    allowed.Add(full);
                    allowed.Add(Path.Combine(parent, ".stemsim-output.json"));
                    // report --format md writes its charts beside the briefing: STEM-NAME.png.
                    allowed.AddRange(Directory.Exists(parent) ? Directory.GetFiles(parent, Path.GetFileNameWithoutExtension(full) + "-*.png") : []);
                    break;
            }
        }

        if (command == "report" && arguments.Count > 1 && arguments[1].Length > 0)
        {
            string folder = Path.GetFullPath(arguments[1], work);
            allowed.AddRange(new[] { "briefing.html", "briefing.md", ".stemsim-output.json" }.Select(f => Path.Combine(folder, f)));
            allowed.AddRange(Directory.Exists(folder) ? Directory.GetFiles(folder, "briefing-*.png") : []);
        }

        return allowed;
    }

    /// <summary>Every entry under <paramref name="root"/> (links not followed): kind, size and content hash.</summary>
    private static Dictionary<string, string> Snapshot(string root)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            string state = entry.LinkTarget is { } target ? "link:" + target
                : entry is DirectoryInfo ? "folder"
                : entry.Name == "pipe" ? "fifo"
                : "file:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
            entries[entry.FullName] = state;
        }

        return entries;
    }

    private static (int ExitCode, string Error) Run(string folder, List<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stemsim.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(true);
            Assert.Fail($"stemsim {string.Join(' ', arguments)} hung (more than 60 s)");
        }

        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error.Result);
    }
}
