using System.Globalization;
using StemSimulator.Engine.Power;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios.Councils;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Runner.Power;

/// <summary>
/// Runs <c>stemsim power</c>: resolves the councils (built-in names, <c>all</c>, or council files), computes their
/// exact voting power, writes <c>power.parquet</c> whole or not at all, and prints the table.
/// </summary>
internal sealed class PowerService(ConsoleStreams console, TimeProvider clock)
{
    /// <summary>The value of <c>--council</c> that selects every built-in model.</summary>
    public const string AllCouncils = "all";

    public async Task<int> RunAsync(PowerRequest request, CancellationToken cancellationToken)
    {
        var (councils, files, errors) = Resolve(request.Councils);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                console.Error.WriteLine(error);
            }

            console.Error.WriteLine($"{errors.Count} error(s); nothing was written.");
            return ExitCodes.InvalidInput;
        }

        string folder = request.OutputFolder ?? Path.Combine("runs", "power");
        string target = Path.Combine(folder, PowerTable.FileName);
        if (File.Exists(folder))
        {
            console.Error.WriteLine($"error: '{folder}' is a file; choose a folder for power.parquet with --out");
            return ExitCodes.InvalidInput;
        }

        if (File.Exists(target) && !request.Force)
        {
            console.Error.WriteLine($"error: '{target}' already exists; pass --force to replace it or choose another folder with --out");
            return ExitCodes.InvalidInput;
        }

        var results = councils.Select(VotingPower.Compute).ToArray();
        var provenance = new PowerProvenance(councils, files, clock.GetUtcNow());
        string temporary = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{PowerTable.FileName}.tmp-{Environment.ProcessId}"));
        try
        {
            Directory.CreateDirectory(folder);
            TemporaryOutputs.Register(temporary);
            await using (var stream = File.Create(temporary))
            {
                await PowerTable.WriteAsync(results, stream, provenance, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            TemporaryOutputs.Publish([temporary], () => File.Move(temporary, target, overwrite: true));
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            console.Error.WriteLine("Interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            console.Error.WriteLine($"error: cannot write '{target}': {e.Message}");
            return ExitCodes.InvalidInput;
        }

        if (!request.Quiet)
        {
            PowerReport.Write(console.Out, results, target);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The councils the values name, in order and without repeats. A value is <c>all</c>, a built-in name, or a file:
    /// anything ending in .yaml or .yml or holding a path separator. Every problem is reported, not just the first.
    /// </summary>
    private static (List<CouncilDefinition> Councils, Dictionary<string, (string File, string Sha256)> Files, List<string> Errors) Resolve(IReadOnlyList<string> values)
    {
        var councils = new List<CouncilDefinition>();
        var files = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var errors = new List<string>();
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(CouncilDefinition council, string source)
        {
            if (origin.TryGetValue(council.Name, out var earlier))
            {
                if (!string.Equals(earlier, source, StringComparison.Ordinal))
                {
                    errors.Add($"error: two councils are named '{council.Name}' ({earlier} and {source}); rename one ('council:' in the file)");
                }

                return;
            }

            origin[council.Name] = source;
            councils.Add(council);
        }

        foreach (var value in values.Count == 0 ? [AllCouncils] : values)
        {
            if (string.Equals(value, AllCouncils, StringComparison.Ordinal))
            {
                foreach (var council in CouncilCatalog.All)
                {
                    Add(council, "built-in");
                }
            }
            else if (IsFile(value))
            {
                var loaded = CouncilLoader.LoadFile(value);
                if (loaded.Succeeded)
                {
                    files[loaded.Council!.Name] = (value, loaded.Sha256);
                    Add(loaded.Council, value);
                }
                else
                {
                    errors.AddRange(loaded.Diagnostics.Select(d => d.ToString()));
                }
            }
            else if (CouncilCatalog.Find(value) is { } builtIn)
            {
                Add(builtIn, "built-in");
            }
            else
            {
                var names = CouncilCatalog.Names.Append(AllCouncils).ToArray();
                errors.Add($"error: unknown council '{value}'{Suggestions.DidYouMean(value, names)} (built-in: {string.Join(", ", names)}; or give a council file ending in .yaml)");
            }
        }

        return (councils, files, errors);
    }

    private static bool IsFile(string value) =>
        value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || value.Contains('/', StringComparison.Ordinal) || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden temporary file is never mistaken for power.parquet.
        }

        TemporaryOutputs.Forget(path);
    }
}
