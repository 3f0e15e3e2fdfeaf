using System.Globalization;
using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Elections;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Merging;

/// <summary>
/// Merges shard outputs: checks they are shards of one run (same scenario file, seed, trials and shard count,
/// every shard exactly once) and that every per-trial file they hold is a whole Parquet file with the rows their
/// statistics count, gathers those files, adds the exact statistics and writes every table a run writes (votes,
/// timeline, elections), then reads each written file back before the folder appears.
/// </summary>
internal sealed class MergeService(ConsoleStreams console, TimeProvider clock)
{
    public async Task<int> MergeAsync(IReadOnlyList<string> inputs, string output, bool force, bool quiet, string? scenarioPath, CancellationToken cancellationToken)
    {
        var (parts, readProblem) = await ReadStatisticsAsync(inputs, cancellationToken).ConfigureAwait(false);
        if (parts is null)
        {
            return Refuse(readProblem!);
        }

        if ((Check(parts) ?? CheckMemberVotes(parts)) is { } problem)
        {
            return Refuse(problem);
        }

        // Every file to be copied is opened first: a truncated or foreign shard stops the merge before anything is written.
        var (copies, copyProblem) = await OpenCopiesAsync(parts, HasMemberVotes(parts[0].Folder), cancellationToken).ConfigureAwait(false);
        if (copies is null)
        {
            return Refuse(copyProblem!);
        }

        var recorded = await ShardMetadataAsync(copies, cancellationToken).ConfigureAwait(false);
        string? recordedScenario = recorded.GetValueOrDefault("stemsim.scenario_file");
        SimulationModel? model = null;
        var first = parts[0].Statistics;
        if (first.Elections is { Count: > 0 })
        {
            (model, string? modelProblem) = LoadModel(scenarioPath ?? (recordedScenario is { Length: > 0 } ? recordedScenario : null), first);
            if (model is null)
            {
                return Refuse(modelProblem!);
            }
        }

        var (folder, folderProblem) = RunFolder.Prepare(output, force, "merge", inputs);
        if (folder is null)
        {
            return Refuse(folderProblem!);
        }

        using (folder)
        {
            try
            {
                return await MergeIntoAsync(new MergePlan(inputs, parts, copies, recorded, model, quiet), folder, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("Interrupted; nothing was written.");
                return ExitCodes.Interrupted;
            }
        }
    }

    /// <summary>What a merge works from once its shards were checked and their per-trial files opened.</summary>
    private sealed record MergePlan(
        IReadOnlyList<string> Inputs,
        List<(string Folder, RunStatistics Statistics)> Parts,
        List<(string Source, string Relative, long Rows)> Copies,
        IReadOnlyDictionary<string, string> Recorded,
        SimulationModel? Model,
        bool Quiet);

    private static async Task<(List<(string Folder, RunStatistics Statistics)>? Parts, string? Problem)> ReadStatisticsAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var parts = new List<(string Folder, RunStatistics Statistics)>();
        foreach (string input in inputs)
        {
            var (statistics, error) = await StatisticsFile.ReadAsync(Path.Combine(input, StatisticsFile.Name), cancellationToken).ConfigureAwait(false);
            if (statistics is null)
            {
                return (null, error);
            }

            parts.Add((input, statistics));
        }

        return (parts, null);
    }

    /// <summary>Whether a shard's folder holds <c>member_votes/</c> (written with <c>run --member-votes</c>).</summary>
    private static bool HasMemberVotes(string folder) =>
        Directory.Exists(Path.Combine(folder, Path.GetFileNameWithoutExtension(RunTables.MemberVotes.FileName)));

    /// <summary>Member votes are merged only when every shard has them: a merged run holds them for all its trials or none.</summary>
    private static string? CheckMemberVotes(List<(string Folder, RunStatistics Statistics)> parts)
    {
        var with = parts.Where(p => HasMemberVotes(p.Folder)).Select(p => p.Folder).ToArray();
        var without = parts.Where(p => !HasMemberVotes(p.Folder)).Select(p => p.Folder).ToArray();
        return with.Length > 0 && without.Length > 0
            ? $"{with[0]} has {RunTables.MemberVotes.DisplayName} but {without[0]} has not; run every shard with --member-votes, or none"
            : null;
    }

    /// <summary>
    /// The per-trial files to copy, each opened and its rows counted, and every table's rows checked against the
    /// shard's statistics; or the problem that stops the merge.
    /// </summary>
    private static async Task<(List<(string Source, string Relative, long Rows)>? Copies, string? Problem)> OpenCopiesAsync(
        List<(string Folder, RunStatistics Statistics)> parts, bool memberVotes, CancellationToken cancellationToken)
    {
        int shardCount = parts[0].Statistics.ShardCount;
        var copies = new List<(string Source, string Relative, long Rows)>();
        foreach (var (input, statistics) in parts)
        {
            foreach (var (table, expected) in ShardFiles.PerTrialTables(statistics, memberVotes))
            {
                long rows = 0;
                foreach (int shard in statistics.Shards)
                {
                    string relative = table.ShardPath(shard, shardCount);
                    string source = Path.Combine(input, relative);
                    var (count, error) = await ShardFiles.CountRowsAsync(source, cancellationToken).ConfigureAwait(false);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    rows += count;
                    copies.Add((source, relative, count));
                }

                if (rows != expected)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture,
                        $"{Path.Combine(input, table.ShardPath(statistics.Shards[0], shardCount))}: {rows:N0} rows in {table.DisplayName} of {input}, but its statistics.json counts {expected:N0}; the shard is damaged"));
                }
            }
        }

        return (copies, null);
    }

    /// <summary>Copies the per-trial files, writes every recomputed table, checks them, makes the folder appear and shows the result.</summary>
    private async Task<int> MergeIntoAsync(MergePlan plan, RunFolder folder, CancellationToken cancellationToken)
    {
        if (CopyParts(plan.Copies, folder) is { } copyProblem)
        {
            console.Error.WriteLine($"error: {copyProblem}; nothing was written");
            return ExitCodes.RuntimeFailure;
        }

        var parts = plan.Parts;
        var first = parts[0].Statistics;
        var shards = parts.SelectMany(p => p.Statistics.Shards).Order().ToArray();
        var recorded = plan.Recorded;
        var provenance = new Provenance(
            first.Scenario, recorded.GetValueOrDefault("stemsim.scenario_file") ?? parts[0].Folder, first.ScenarioSha256, first.Seed, first.Trials,
            string.Create(CultureInfo.InvariantCulture, $"merged {shards.Length}/{first.ShardCount}"), clock.GetUtcNow())
        {
            Inherited = Provenance.InheritedKeys
                .Where(key => recorded.ContainsKey("stemsim." + key))
                .Select(key => new KeyValuePair<string, string>(key, recorded["stemsim." + key]))
                .ToArray(),
        };
        await CopyScenarioAsync(parts[0].Folder, first.ScenarioSha256, folder, cancellationToken).ConfigureAwait(false);
        var (result, merged, elections) = Combine(parts.Select(p => p.Statistics).ToArray(), shards, plan.Model);
        await RunService.WriteTablesAsync(folder, result, merged, provenance, cancellationToken).ConfigureAwait(false);
        // concerned_party.parquet depends on the scenario alone, so every shard wrote the same rows: keep the first's.
        string concerned = Path.Combine(parts[0].Folder, ConcernedPartyTable.FileName);
        if (File.Exists(concerned))
        {
            File.Copy(concerned, folder.PathOf(ConcernedPartyTable.FileName));
        }

        if (elections is not null)
        {
            await ElectionOutputs.WriteSummariesAsync(plan.Model!, elections, folder.PathOf, provenance, cancellationToken).ConfigureAwait(false);
        }

        if (await CheckWrittenAsync(folder, plan.Copies, cancellationToken).ConfigureAwait(false) is { } unreadable)
        {
            console.Error.WriteLine($"error: {unreadable}; nothing was written");
            return ExitCodes.RuntimeFailure;
        }

        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        if (!plan.Quiet)
        {
            var headline = new RunHeadline(first.Scenario, null, string.Join(", ", plan.Inputs), first.Trials, first.Seed,
                string.Create(CultureInfo.InvariantCulture, $"merged {shards.Length} of {first.ShardCount} shards"));
            // The band's words for a population-drawn vote come from the scenario the shards ran (their copy of it, if unchanged).
            var drawn = Reporting.ScenarioContext.Load(parts[0].Folder, plan.Recorded, null).PopulationDrawn;
            RunReport.Write(console.Out, headline, result, folder.Target, null, merged, drawn);
            if (elections is not null)
            {
                ElectionReport.Write(console.Out, elections, plan.Model!.Variants.Count > 1);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Copies the shards' per-trial files into the folder; the problem when a copy comes out of another size.</summary>
    private static string? CopyParts(List<(string Source, string Relative, long Rows)> copies, RunFolder folder)
    {
        foreach (var (source, relative, _) in copies)
        {
            string target = folder.PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            if (new FileInfo(target).Length != new FileInfo(source).Length)
            {
                return $"copying {source} gave a file of another size";
            }
        }

        return null;
    }

    private int Refuse(string problem)
    {
        console.Error.WriteLine($"error: {problem}");
        return ExitCodes.InvalidInput;
    }

    /// <summary>Adds the shards' exact statistics: votes, timeline and elections.</summary>
    private static (SimulationResult? Result, RunStatistics Merged, ElectionRunResult? Elections) Combine(RunStatistics[] parts, int[] shards, SimulationModel? model)
    {
        var first = parts[0];
        SimulationResult? result = null;
        var votes = Enumerable.Range(0, first.Votes.Count)
            .Select(j => VoteStatistics.Merge(parts.Select(p => p.Votes[j]).ToArray()))
            .ToArray();
        var drift = first.Drift is null ? [] : Enumerable.Range(0, first.Drift.Count)
            .Select(k => DriftStatistics.FromStates(parts.Select(p => p.Drift![k]).ToArray()))
            .ToArray();
        if (votes.Length > 0)
        {
            result = new SimulationResult(0, votes[0].Trials, votes) { Drift = drift };
        }

        ElectionRunResult? elections = null;
        if (first.Elections is { Count: > 0 } && model is not null)
        {
            var statistics = first.Elections.Select((state, j) =>
            {
                var election = model.Variants.Single(v => v.Name == state.Variant).Elections.Single(e => e.Id == state.ElectionId);
                return new ElectionStatistics(state.Variant, ElectionTally.FromStates(election, parts.Select(p => p.Elections![j])));
            }).ToArray();
            elections = new ElectionRunResult(0, statistics[0].Tally.Trials, statistics);
        }

        var merged = first with
        {
            Shards = shards,
            Votes = votes.Select(v => v.ToState()).ToArray(),
            Elections = elections?.Elections.Select(e => e.Tally.ToState(e.Variant)).ToArray(),
            Drift = first.Drift is null ? null : drift.Select(d => d.ToState()).ToArray(),
            Band = first.Band is null ? null : Enumerable.Range(0, first.Band.Count)
                .Select(k => AssumptionBandState.Merge(parts.Select(p => p.Band![k]).ToArray()))
                .ToArray(),
        };
        return (result, merged, elections);
    }

    /// <summary>
    /// The election tables need the elections' candidates, seat groups and voters, which only the scenario holds: it
    /// is compiled again (with the run's seed and trials) from the file the shards ran, checked by its SHA-256.
    /// </summary>
    private static (SimulationModel? Model, string? Problem) LoadModel(string? path, RunStatistics statistics)
    {
        const string Hint = "merging election tables needs the scenario file the shards ran; pass it with --scenario FILE";
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return (null, $"{(string.IsNullOrEmpty(path) ? "the scenario file is not recorded" : $"{path} does not exist")}; {Hint}");
        }

        var loaded = ScenarioLoader.LoadFile(path, new RunOverrides { Trials = statistics.Trials, Seed = statistics.Seed });
        if (!loaded.Succeeded || loaded.Model is null)
        {
            return (null, $"{path} does not compile ({loaded.Diagnostics.Count} error(s)); {Hint}");
        }

        if (!string.Equals(loaded.Sha256, statistics.ScenarioSha256, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{path} is not the scenario file the shards ran (SHA-256 {loaded.Sha256}, the shards' {statistics.ScenarioSha256}); {Hint}");
        }

        var model = loaded.Model;
        bool fits = statistics.Elections!.All(s => model.Variants.Any(v => v.Name == s.Variant && v.Elections.Any(e => e.Id == s.ElectionId)))
            && statistics.Elections!.Count == model.Variants.Sum(v => v.Elections.Count);
        return fits ? (model, null) : (null, $"the elections of {path} do not match the shards' statistics; {Hint}");
    }

    /// <summary>
    /// The provenance of the first shard file to be copied (every file of a shard carries the same): the scenario file
    /// it was run from, its calibration and text, which the merged tables keep.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ShardMetadataAsync(List<(string Source, string Relative, long Rows)> copies, CancellationToken cancellationToken)
    {
        if (copies.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var reader = await Parquet.ParquetReader.CreateAsync(copies[0].Source, null, cancellationToken).ConfigureAwait(false);
        return reader.CustomMetadata ?? new Dictionary<string, string>();
    }

    /// <summary>Keeps the first shard's copy of the scenario (<see cref="ScenarioCopy"/>) when it is the file the shards ran.</summary>
    private static async Task CopyScenarioAsync(string shardFolder, string sha256, RunFolder folder, CancellationToken cancellationToken)
    {
        string copy = ScenarioCopy.PathIn(shardFolder);
        if (!File.Exists(copy))
        {
            return;
        }

        byte[] bytes = await File.ReadAllBytesAsync(copy, cancellationToken).ConfigureAwait(false);
        if (string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), sha256, StringComparison.OrdinalIgnoreCase))
        {
            await ScenarioCopy.WriteAsync(folder, bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads back every Parquet file in the merged folder: the copies' footers and row counts, the written tables in full.</summary>
    private static async Task<string?> CheckWrittenAsync(RunFolder folder, List<(string Source, string Relative, long Rows)> copies, CancellationToken cancellationToken)
    {
        foreach (var (_, relative, rows) in copies)
        {
            var (count, error) = await ShardFiles.CountRowsAsync(folder.PathOf(relative), cancellationToken).ConfigureAwait(false);
            if (error is not null || count != rows)
            {
                return error ?? $"{relative} has {count:N0} rows after copying, {rows:N0} before";
            }
        }

        var copied = copies.Select(c => Path.GetFullPath(folder.PathOf(c.Relative))).ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(folder.Temporary, "*.parquet", SearchOption.AllDirectories).Where(f => !copied.Contains(Path.GetFullPath(f))))
        {
            if (await ShardFiles.ReadWholeAsync(file, -1, cancellationToken).ConfigureAwait(false) is { } error)
            {
                return error;
            }
        }

        return null;
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

            if ((s.Elections?.Count ?? 0) != (first.Elections?.Count ?? 0))
            {
                return $"{folder} has {s.Elections?.Count ?? 0} variant-elections, {parts[0].Folder} has {first.Elections?.Count ?? 0}; cannot combine the election tables";
            }

            if ((s.Band?.Count ?? 0) != (first.Band?.Count ?? 0))
            {
                return $"{folder} has the band over the analogs' spreads at {s.Band?.Count ?? 0} settings, {parts[0].Folder} at {first.Band?.Count ?? 0}; merge shards of one version";
            }

            if ((s.Drift?.Count ?? 0) != (first.Drift?.Count ?? 0))
            {
                return $"{folder} has drift statistics for {s.Drift?.Count ?? 0} variants, {parts[0].Folder} for {first.Drift?.Count ?? 0}; cannot combine drift.parquet and drift_adoption.parquet";
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
