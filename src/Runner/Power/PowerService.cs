using StemSimulator.Engine.Power;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Councils;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Files;

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
        var folderKind = FileKinds.Of(folder);
        if (folderKind is not (FileKind.Folder or FileKind.Missing))
        {
            console.Error.WriteLine($"error: '{folder}' is {FileKinds.Describe(folderKind)}; choose a folder for power.parquet with --out");
            return ExitCodes.InvalidInput;
        }

        if (folderKind == FileKind.Folder && SingleFileOutput.Check(target, request.Force) is { } refused)
        {
            console.Error.WriteLine($"error: {refused}");
            return ExitCodes.InvalidInput;
        }

        var results = councils.Select(VotingPower.Compute).ToArray();
        var provenance = new PowerProvenance(councils, files, clock.GetUtcNow());
        try
        {
            Directory.CreateDirectory(folder);
            await SingleFileOutput.WriteAsync(target, stream => PowerTable.WriteAsync(results, stream, provenance, cancellationToken), cancellationToken).ConfigureAwait(false);
            // Written into a run folder (where 'stemsim report' looks for it): recorded as stemsim's.
            OutputMarker.Record(folder, [PowerTable.FileName]);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write '{target}': {e.Message}");
            return ExitCodes.InvalidInput;
        }

        if (!request.Quiet)
        {
            PowerReport.Write(console, results, target, request.Format);
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
}
