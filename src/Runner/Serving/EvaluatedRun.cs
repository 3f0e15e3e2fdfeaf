using System.Text.Json.Nodes;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Elections;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Reporting;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// A scenario the server ran, as the tables <c>stemsim run</c> would write for it, made in memory and read back: the
/// summary, the member probabilities (with groups and blocs) and the concerned party's table when asked for (of a
/// scenario with votes), the election summary (of one with elections), and the exact statistics. The JSON answers and the briefing are read from these, so they say what the run's files would say.
/// </summary>
internal sealed record EvaluatedRun(
    ScenarioLoadResult Loaded,
    SimulationModel Model,
    RunStatistics Statistics,
    ParquetColumns? Summary,
    ParquetColumns? Members,
    ParquetColumns? ConcernedParty,
    ParquetColumns? ElectionSummary,
    double Seconds)
{
    /// <summary>Writes the run's tables into memory and reads them back.</summary>
    /// <param name="loaded">The scenario as loaded.</param>
    /// <param name="model">Its model, estimators resolved.</param>
    /// <param name="result">The votes' simulation, or null when the scenario has no votes.</param>
    /// <param name="elections">The elections' simulation, or null when the scenario has no elections.</param>
    /// <param name="band">The band over the analog's plausible spread, or null (none, or not asked for).</param>
    /// <param name="created">When the run started.</param>
    /// <param name="seconds">How long it took.</param>
    /// <param name="concernedParty">Whether to make the concerned party's table (for a briefing).</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <param name="timing">Told where the summary's and the members' tables end; may be null.</param>
    public static async Task<EvaluatedRun> TabulateAsync(
        ScenarioLoadResult loaded,
        SimulationModel model,
        SimulationResult? result,
        ElectionRunResult? elections,
        IReadOnlyList<AssumptionBandState>? band,
        DateTimeOffset created,
        double seconds,
        bool concernedParty,
        CancellationToken cancellationToken,
        ServerTiming? timing = null)
    {
        var document = loaded.Document!;
        var ages = model.VoteCount > 0 && loaded.PositionsYear is { } positionsYear ? PositionAge.Of(model, positionsYear, loaded.PositionStepSd) : [];
        // As 'stemsim run' writes it: the positions' year only for a run with votes.
        var provenance = new Provenance(document.Scenario, ScenarioEvaluator.FileName, loaded.Sha256, model.Seed, model.Trials, "0/1", created)
        {
            PositionsYear = model.VoteCount > 0 ? loaded.PositionsYear : null,
            PositionsAge = ages.Count > 0 ? PositionAge.Metadata(ages) : null,
            ScenarioText = ScenarioCopy.TextOf(loaded.Bytes),
            // As the run's tables made after the run: with the draws the announced votes took.
            Given = result is null ? null : GivenSummary.Metadata(result.Votes.Select(v => (v.Variant, v.Vote)), result.Votes),
        };
        var summary = result is null ? null : await InMemoryAsync((s, c) => SummaryTables.WriteSummaryAsync(result, s, provenance, c), cancellationToken).ConfigureAwait(false);
        timing?.Mark("summary-table");
        var members = result is null ? null : await InMemoryAsync((s, c) => SummaryTables.WriteMembersAsync(result, ReferenceCatalog.Embedded, s, provenance, c), cancellationToken).ConfigureAwait(false);
        timing?.Mark("members-table");
        var concerned = result is not null && concernedParty && ConcernedPartyTable.Applies(model)
            ? await InMemoryAsync((s, c) => ConcernedPartyTable.WriteAsync(model, s, provenance, c), cancellationToken).ConfigureAwait(false)
            : null;
        var electionSummary = elections is null ? null : await InMemoryAsync((s, c) => ElectionTables.WriteSummaryAsync(model, elections, Names.Value, s, provenance, c), cancellationToken).ConfigureAwait(false);
        var statistics = new RunStatistics(
            document.Scenario, loaded.Sha256, model.Seed, model.Trials, 1, [0], Provenance.EngineVersion,
            result?.Votes.Select(v => v.ToState()).ToArray() ?? [],
            elections?.Elections.Select(e => e.Tally.ToState(e.Variant)).ToArray(),
            Band: band);
        return new EvaluatedRun(loaded, model, statistics, summary, members, concerned, electionSummary, seconds);
    }

    /// <summary>
    /// The object <c>run --json</c> prints (without <c>output</c>, since nothing is written), with <c>headlines</c>
    /// (what a briefing says of each row), <c>members</c> (every variant, vote and member: P(yes), P(abstain), P(no),
    /// P(absent), the swing, the regional group and blocs) and the scenario's <c>warnings</c>. A scenario with
    /// elections has their rows under <c>elections</c>, as <c>run --json</c> prints them (election_summary.parquet).
    /// </summary>
    public JsonObject ToJson()
    {
        var root = RunJson.Render(Summary, ElectionSummary, Statistics, null, Seconds);
        root["headlines"] = ServedJson.Headlines(root["votes"]!.AsArray());
        root["members"] = Members is null ? new JsonArray() : ServedJson.Members(Members);
        root["warnings"] = ServedJson.Warnings(Loaded);
        return root;
    }

    /// <summary>What <c>stemsim report</c> reads from a run folder, from these tables.</summary>
    public RunData ToRunData() => RunData.FromTables(ScenarioEvaluator.FileName, Summary, Members, ConcernedParty, ElectionSummary, Statistics);

    /// <summary>Member names for the election tables, as <c>stemsim run</c> takes them from the reference data.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names =
        new(() => ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal));

    private static async Task<ParquetColumns> InMemoryAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await write(stream, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;
        return await ParquetColumns.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
