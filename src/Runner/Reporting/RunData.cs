using StemSimulator.Engine.Rules;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Reporting;

/// <summary>What the report reads from a run folder: the summary tables, the exact statistics and the provenance.</summary>
internal sealed partial record RunData
{
    public required string Folder { get; init; }

    /// <summary>Key-value metadata of the first table found (every table of a run carries the same provenance).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public IReadOnlyList<SummaryRow> Summary { get; init; } = [];

    public IReadOnlyList<MemberRow> Members { get; init; } = [];

    public IReadOnlyList<CandidateRow> Candidates { get; init; } = [];

    public IReadOnlyList<PowerRow> Power { get; init; } = [];

    /// <summary>statistics.json (count histograms, the Council quota), when the run has votes.</summary>
    public RunStatistics? Statistics { get; init; }

    /// <summary>drift.parquet: positions and bloc centres per year, for multi-year runs.</summary>
    public IReadOnlyList<DriftRow> Drift { get; init; } = [];

    /// <summary>concerned_party.parquet: what the concerned-party effect did, for runs with votes that name <c>concerns</c>.</summary>
    public IReadOnlyList<ConcernedRow> ConcernedParty { get; init; } = [];

    /// <summary>drift_adoption.parquet: P(adopted) per vote and year with its spread over drifted positions.</summary>
    public IReadOnlyList<AdoptionYearRow> AdoptionByYear { get; init; } = [];

    /// <summary>The baseline variant's name: the first in the run's order.</summary>
    public string Baseline => Summary.Count > 0 ? Summary[0].Variant : Candidates.Count > 0 ? Candidates[0].Variant : "baseline";

    /// <summary>Reads the folder; returns an error message instead when it is not the output of a run.</summary>
    public static async Task<(RunData? Data, string? Error)> LoadAsync(string folder, string? powerFile, CancellationToken cancellationToken)
    {
        var (files, problem) = RunFiles.Find(folder, powerFile);
        if (files is null)
        {
            return (null, problem);
        }

        try
        {
            var votes = files.HasVotes ? await ReadVotesAsync(files, cancellationToken).ConfigureAwait(false) : VoteTables.None;
            if (votes.Problem is not null)
            {
                return (null, votes.Problem);
            }

            var elections = files.HasElections ? await ParquetColumns.ReadAsync(files.In("election_summary.parquet"), cancellationToken).ConfigureAwait(false) : null;
            var power = files.HasPower ? await ParquetColumns.ReadAsync(files.Power, cancellationToken).ConfigureAwait(false) : null;
            return (new RunData
            {
                Folder = folder,
                Metadata = votes.Metadata ?? elections?.Metadata ?? power?.Metadata ?? new Dictionary<string, string>(),
                Summary = votes.Summary,
                Members = votes.Members,
                Statistics = votes.Statistics,
                Candidates = elections is null ? [] : [.. ReadCandidates(elections)],
                Power = power is null ? [] : [.. ReadPower(power)],
                Drift = await ReadIfPresentAsync(files.In("drift.parquet"), ReadDrift, cancellationToken).ConfigureAwait(false),
                AdoptionByYear = await ReadIfPresentAsync(files.In("drift_adoption.parquet"), ReadAdoption, cancellationToken).ConfigureAwait(false),
                ConcernedParty = await ReadIfPresentAsync(files.In(ConcernedPartyTable.FileName), ConcernedRow.Read, cancellationToken).ConfigureAwait(false),
            }, null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, $"cannot read the run folder {folder}: {e.Message}");
        }
    }

    /// <summary>The vote tables of a run: summary, member probabilities and statistics.json.</summary>
    private static async Task<VoteTables> ReadVotesAsync(RunFiles files, CancellationToken cancellationToken)
    {
        var table = await ParquetColumns.ReadAsync(files.In("summary.parquet"), cancellationToken).ConfigureAwait(false);
        var members = await ReadIfPresentAsync(files.In("member_probabilities.parquet"), ReadMembers, cancellationToken).ConfigureAwait(false);
        string statisticsPath = files.In(StatisticsFile.Name);
        var (statistics, statisticsProblem) = await StatisticsFile.ReadAsync(statisticsPath, cancellationToken).ConfigureAwait(false);
        if (statistics is null && File.Exists(statisticsPath))
        {
            // Present but unreadable: say so rather than silently leave out the charts it feeds.
            return VoteTables.None with { Problem = statisticsProblem };
        }

        return new VoteTables(table.Metadata, [.. ReadSummary(table)], members, statistics, null);
    }

    /// <summary>The rows of an optional table, or none when the run did not write it.</summary>
    private static async Task<IReadOnlyList<T>> ReadIfPresentAsync<T>(string path, Func<ParquetColumns, IEnumerable<T>> read, CancellationToken cancellationToken) =>
        File.Exists(path) ? [.. read(await ParquetColumns.ReadAsync(path, cancellationToken).ConfigureAwait(false))] : [];

    /// <summary>What <see cref="ReadVotesAsync"/> read, or the problem that stopped it.</summary>
    private sealed record VoteTables(
        IReadOnlyDictionary<string, string>? Metadata,
        IReadOnlyList<SummaryRow> Summary,
        IReadOnlyList<MemberRow> Members,
        RunStatistics? Statistics,
        string? Problem)
    {
        public static VoteTables None { get; } = new(null, [], [], null, null);
    }

    /// <summary>The files of a run folder the report reads, found before any is opened.</summary>
    private sealed record RunFiles(string Folder, string Power, bool HasVotes, bool HasElections, bool HasPower)
    {
        public string In(string name) => System.IO.Path.Combine(Folder, name);

        /// <summary>The folder's files, or the message saying why it is not a run folder.</summary>
        public static (RunFiles? Files, string? Problem) Find(string folder, string? powerFile)
        {
            if (File.Exists(folder))
            {
                return (null, $"{folder} is a file, not a run folder; give the folder 'stemsim run' wrote (e.g. runs/ga-hrc-suspension-2026)");
            }

            if (!Directory.Exists(folder))
            {
                return (null, $"{folder} does not exist; give the folder 'stemsim run' wrote (e.g. runs/ga-hrc-suspension-2026)");
            }

            if (powerFile is not null && !File.Exists(powerFile))
            {
                return (null, $"{powerFile} does not exist");
            }

            string power = powerFile ?? System.IO.Path.Combine(folder, Runner.Power.PowerTable.FileName);
            var files = new RunFiles(
                folder,
                power,
                File.Exists(System.IO.Path.Combine(folder, "summary.parquet")),
                File.Exists(System.IO.Path.Combine(folder, "election_summary.parquet")),
                File.Exists(power));
            return files.HasVotes || files.HasElections || files.HasPower
                ? (files, null)
                : (null, $"{folder} holds neither summary.parquet, election_summary.parquet nor power.parquet; is it the output of 'stemsim run'?");
        }
    }

    private static IEnumerable<SummaryRow> ReadSummary(ParquetColumns t)
    {
        var variant = t.Text("variant");
        var vote = t.Text("vote_id");
        var body = t.Text("body");
        var rule = t.Text("rule");
        var date = t.Date("date");
        var trials = t.Integer("trials");
        var p = t.Number("p_adopted");
        var se = t.Number("p_adopted_se");
        var lo = t.Number("p_adopted_lo95");
        var hi = t.Number("p_adopted_hi95");
        var diff = t.OptionalNumber("diff_vs_baseline");
        var diffPaired = t.OptionalNumber("diff_se_paired");
        var diffUnpaired = t.OptionalNumber("diff_se_unpaired");
        var held = t.Has("p_held") ? t.Number("p_held") : Enumerable.Repeat(1.0, t.RowCount).ToArray();
        var givenHeld = t.OptionalNumber("p_adopted_given_held");
        var givenTrigger = t.OptionalNumber("p_adopted_given_trigger");
        var yes05 = t.OptionalInteger("yes_p05");
        var yes50 = t.OptionalInteger("yes_p50");
        var yes95 = t.OptionalInteger("yes_p95");
        var no05 = t.OptionalInteger("no_p05");
        var no50 = t.OptionalInteger("no_p50");
        var no95 = t.OptionalInteger("no_p95");
        var abstain05 = t.OptionalInteger("abstain_p05");
        var abstain95 = t.OptionalInteger("abstain_p95");
        var veto = t.OptionalNumber("p_veto");
        var decisive = t.OptionalNumber("p_veto_decisive");
        var debate = t.OptionalNumber("p_debate");
        var byMember = PermanentMembersExtensions.AllCodes.ToDictionary(c => c, c => t.OptionalNumber($"p_veto_{c.ToLowerInvariant()}"), StringComparer.Ordinal);
        for (int i = 0; i < t.RowCount; i++)
        {
            int row = i;
            yield return new SummaryRow
            {
                Variant = variant[i] ?? string.Empty,
                VoteId = vote[i] ?? string.Empty,
                Body = body[i] ?? string.Empty,
                Rule = rule[i] ?? string.Empty,
                Date = date[i],
                Trials = trials[i],
                PAdopted = p[i],
                PAdoptedSe = se[i],
                PAdoptedLo95 = lo[i],
                PAdoptedHi95 = hi[i],
                DiffVsBaseline = diff[i],
                DiffSePaired = diffPaired[i],
                DiffSeUnpaired = diffUnpaired[i],
                PHeld = held[i],
                PAdoptedGivenHeld = givenHeld[i],
                PAdoptedGivenTrigger = givenTrigger[i],
                YesP05 = (int?)yes05[i],
                YesP50 = (int?)yes50[i],
                YesP95 = (int?)yes95[i],
                NoP05 = (int?)no05[i],
                NoP50 = (int?)no50[i],
                NoP95 = (int?)no95[i],
                AbstainP05 = (int?)abstain05[i],
                AbstainP95 = (int?)abstain95[i],
                PVeto = veto[i],
                PVetoDecisive = decisive[i],
                PDebate = debate[i],
                PVetoByMember = byMember
                    .Where(kv => kv.Value[row] is not null)
                    .ToDictionary(kv => kv.Key, kv => kv.Value[row]!.Value, StringComparer.Ordinal),
            };
        }
    }

    private static IEnumerable<MemberRow> ReadMembers(ParquetColumns t)
    {
        var variant = t.Text("variant");
        var vote = t.Text("vote_id");
        var member = t.Text("member");
        var name = t.Text("name");
        var yes = t.Number("p_yes");
        var abstain = t.Number("p_abstain");
        var no = t.Number("p_no");
        var absent = t.Number("p_absent");
        var swing = t.Number("swing");
        for (int i = 0; i < t.RowCount; i++)
        {
            yield return new MemberRow(variant[i] ?? string.Empty, vote[i] ?? string.Empty, member[i] ?? string.Empty, name[i] ?? member[i] ?? string.Empty, yes[i], abstain[i], no[i], absent[i], swing[i]);
        }
    }

    private static IEnumerable<CandidateRow> ReadCandidates(ParquetColumns t)
    {
        var variant = t.Text("variant");
        var election = t.Text("election_id");
        var body = t.Text("body");
        var group = t.Text("seat_group");
        var seats = t.Integer("seats");
        var candidate = t.Text("candidate");
        var name = t.Text("name");
        var compromise = t.Flag("compromise");
        var p = t.Number("p_elected");
        var se = t.Number("p_elected_se");
        var first = t.Number("p_elected_first_ballot");
        var rounds50 = t.Integer("rounds_p50");
        var rounds90 = t.Integer("rounds_p90");
        for (int i = 0; i < t.RowCount; i++)
        {
            yield return new CandidateRow(
                variant[i] ?? string.Empty, election[i] ?? string.Empty, body[i] ?? string.Empty, group[i] ?? string.Empty, (int)seats[i],
                candidate[i] ?? string.Empty, name[i] ?? candidate[i] ?? string.Empty, compromise[i], p[i], se[i], first[i], (int)rounds50[i], (int)rounds90[i]);
        }
    }

    private static IEnumerable<DriftRow> ReadDrift(ParquetColumns t)
    {
        var variant = t.Text("variant");
        var year = t.Integer("year");
        var kind = t.Text("kind");
        var name = t.Text("name");
        var p05 = t.Number("position_p05");
        var p10 = t.Number("position_p10");
        var p50 = t.Number("position_p50");
        var p90 = t.Number("position_p90");
        var p95 = t.Number("position_p95");
        var cohesion = t.Has("cohesion") ? t.Number("cohesion") : Enumerable.Repeat(double.NaN, t.RowCount).ToArray();
        for (int i = 0; i < t.RowCount; i++)
        {
            yield return new DriftRow(variant[i] ?? string.Empty, (int)year[i], kind[i] ?? string.Empty, name[i] ?? string.Empty, p05[i], p10[i], p50[i], p90[i], p95[i], cohesion[i]);
        }
    }

    private static IEnumerable<AdoptionYearRow> ReadAdoption(ParquetColumns t)
    {
        var variant = t.Text("variant");
        var vote = t.Text("vote_id");
        var year = t.Integer("year");
        var p = t.Number("p_adopted");
        var lo = t.Number("p_adopted_lo95");
        var hi = t.Number("p_adopted_hi95");
        var q05 = t.Number("p_conditional_p05");
        var q25 = t.Number("p_conditional_p25");
        var q50 = t.Number("p_conditional_p50");
        var q75 = t.Number("p_conditional_p75");
        var q95 = t.Number("p_conditional_p95");
        for (int i = 0; i < t.RowCount; i++)
        {
            yield return new AdoptionYearRow(variant[i] ?? string.Empty, vote[i] ?? string.Empty, (int)year[i], p[i], lo[i], hi[i], q05[i], q25[i], q50[i], q75[i], q95[i]);
        }
    }

    private static IEnumerable<PowerRow> ReadPower(ParquetColumns t)
    {
        var council = t.Text("council");
        var member = t.Text("member");
        var type = t.Text("member_type");
        var veto = t.Flag("veto");
        var shapley = t.Number("shapley_shubik");
        var banzhaf = t.Number("banzhaf_normalized");
        for (int i = 0; i < t.RowCount; i++)
        {
            yield return new PowerRow(council[i] ?? string.Empty, member[i] ?? string.Empty, type[i] ?? string.Empty, veto[i], shapley[i], banzhaf[i]);
        }
    }
}
