using System.Globalization;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner.Merging;

/// <summary>
/// Merges shard outputs: checks they are shards of one run (same scenario file, seed, trials and shard count,
/// every shard exactly once), gathers their trial files and adds their exact statistics.
/// </summary>
internal sealed class MergeService(ConsoleStreams console, TimeProvider clock)
{
    public async Task<int> MergeAsync(IReadOnlyList<string> inputs, string output, bool force, bool quiet, CancellationToken cancellationToken)
    {
        var parts = new List<(string Folder, RunStatistics Statistics)>();
        foreach (string input in inputs)
        {
            var (statistics, error) = await StatisticsFile.ReadAsync(Path.Combine(input, StatisticsFile.Name), cancellationToken).ConfigureAwait(false);
            if (statistics is null)
            {
                console.Error.WriteLine($"error: {error}");
                return ExitCodes.InvalidInput;
            }

            parts.Add((input, statistics));
        }

        if (Check(parts) is { } problem)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var first = parts[0].Statistics;
        var (folder, folderProblem) = RunFolder.Prepare(output, force);
        if (folder is null)
        {
            console.Error.WriteLine($"error: {folderProblem}");
            return ExitCodes.InvalidInput;
        }

        using (folder)
        {
            try
            {
                foreach (var (input, statistics) in parts)
                {
                    foreach (int shard in statistics.Shards)
                    {
                        string relative = first.ShardCount == 1
                            ? "trials.parquet"
                            : Path.Combine("trials", string.Create(CultureInfo.InvariantCulture, $"shard={shard}"), "part-0.parquet");
                        string source = Path.Combine(input, relative);
                        if (!File.Exists(source))
                        {
                            console.Error.WriteLine($"error: {source} is missing; the shard's folder is incomplete");
                            return ExitCodes.InvalidInput;
                        }

                        string target = folder.PathOf(relative);
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.Copy(source, target);
                    }
                }

                var votes = Enumerable.Range(0, first.Votes.Count)
                    .Select(j => VoteStatistics.Merge(parts.Select(p => p.Statistics.Votes[j]).ToArray()))
                    .ToArray();
                var result = new SimulationResult(0, votes[0].Trials, votes);
                var shards = parts.SelectMany(p => p.Statistics.Shards).Order().ToArray();
                var merged = first with { Shards = shards, Votes = votes.Select(v => v.ToState()).ToArray() };
                var provenance = new Provenance(
                    first.Scenario, parts[0].Folder, first.ScenarioSha256, first.Seed, first.Trials,
                    string.Create(CultureInfo.InvariantCulture, $"merged {shards.Length}/{first.ShardCount}"), clock.GetUtcNow());
                await RunService.WriteTablesAsync(folder, result, merged, provenance, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                folder.Commit();
                if (!quiet)
                {
                    var headline = new RunHeadline(first.Scenario, null, string.Join(", ", inputs), first.Trials, first.Seed,
                        string.Create(CultureInfo.InvariantCulture, $"merged {shards.Length} of {first.ShardCount} shards"));
                    RunReport.Write(console.Out, headline, result, folder.Target, null);
                }
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }
        }

        return ExitCodes.Success;
    }

    private static string? Check(List<(string Folder, RunStatistics Statistics)> parts)
    {
        var first = parts[0].Statistics;
        foreach (var (folder, s) in parts)
        {
            if (s.ScenarioSha256 != first.ScenarioSha256 || s.Seed != first.Seed || s.Trials != first.Trials || s.ShardCount != first.ShardCount)
            {
                return $"{folder} is not a shard of the same run as {parts[0].Folder}: scenario file, seed, trials and shard count must all agree";
            }

            if (s.EngineVersion != first.EngineVersion)
            {
                return $"{folder} was written by engine {s.EngineVersion}, {parts[0].Folder} by {first.EngineVersion}; merge shards of one version";
            }

            if (s.Votes.Count != first.Votes.Count)
            {
                return $"{folder} has {s.Votes.Count} variant-votes, {parts[0].Folder} has {first.Votes.Count}";
            }
        }

        var shards = parts.SelectMany(p => p.Statistics.Shards).ToArray();
        var duplicates = shards.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            return $"shard(s) {string.Join(", ", duplicates)} given more than once";
        }

        var missing = Enumerable.Range(0, first.ShardCount).Except(shards).ToArray();
        return missing.Length > 0
            ? $"shard(s) {string.Join(", ", missing)} of {first.ShardCount} missing; merge needs every shard exactly once"
            : null;
    }
}
