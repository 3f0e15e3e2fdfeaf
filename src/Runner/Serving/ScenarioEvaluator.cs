using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// Loads and runs a scenario held in memory, the way <c>stemsim run</c> does (the same loader, estimator choice,
/// simulator and summary table), without writing anything: the summary table is made in memory and read back, so the
/// answer carries what <c>run --json</c> prints, plus every member's probabilities and swing.
/// </summary>
internal sealed class ScenarioEvaluator(ServeOptions options, TimeProvider clock)
{
    /// <summary>The name scenarios from requests go by in messages and provenance.</summary>
    public const string FileName = "scenario.yaml";

    /// <summary>Loads a scenario from its bytes; no file is read for it (a calibration table named in it is an error).</summary>
    public static ScenarioLoadResult Load(byte[] bytes) => ScenarioLoader.Load(FileName, bytes, new RunOverrides { ReadsNoFiles = true });

    /// <summary>Why the server will not run a scenario that loaded (too many trials, elections), or null when it will.</summary>
    public string? Refusal(ScenarioLoadResult loaded)
    {
        var model = loaded.Model!;
        var invariant = CultureInfo.InvariantCulture;
        if (model.VoteCount == 0 || model.ElectionCount > 0)
        {
            return "the server runs scenarios of votes without elections; run elections with stemsim run";
        }

        if (model.Trials > options.MaxTrials)
        {
            return string.Create(invariant, $"trials: {model.Trials:N0} trials; the server runs at most {options.MaxTrials:N0} (stemsim run runs more)");
        }

        long work = model.Trials * model.Variants.Count * model.VoteCount;
        return work > options.MaxWork
            ? string.Create(invariant, $"{model.Trials:N0} trials x {model.Variants.Count} variants x {model.VoteCount} votes is {work:N0}; the server simulates at most {options.MaxWork:N0} a request")
            : null;
    }

    /// <summary>
    /// Runs a loaded scenario: the object <c>run --json</c> prints (without <c>output</c>, since nothing is written)
    /// and <c>members</c>, one entry per variant, vote and member with P(yes), P(abstain), P(no), P(absent) and the swing.
    /// </summary>
    public async Task<JsonObject> RunAsync(ScenarioLoadResult loaded, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var document = loaded.Document!;
        var simulation = new SimulationOptions { Threads = Math.Max(1, options.Threads) };
        var (model, result, band) = await Task.Run(
            () =>
            {
                var resolved = EstimatorSelection.Resolve(loaded.Model!, cancellationToken);
                var run = MonteCarloSimulator.Run(resolved, simulation, cancellationToken: cancellationToken);
                // The band over the analog's plausible spread, as 'stemsim run' computes it (its --json carries it).
                var ends = AssumptionBandRun.Simulate(FileName, loaded.Bytes.ToArray(), new RunOverrides { ReadsNoFiles = true }, resolved, 0, resolved.Trials, simulation.Threads, cancellationToken);
                return (resolved, run, ends);
            },
            cancellationToken).ConfigureAwait(false);
        double seconds = stopwatch.Elapsed.TotalSeconds;
        var ages = loaded.PositionsYear is { } positionsYear ? PositionAge.Of(model, positionsYear, loaded.PositionStepSd) : [];
        var provenance = new Provenance(document.Scenario, FileName, loaded.Sha256, model.Seed, model.Trials, "0/1", clock.GetUtcNow())
        {
            PositionsYear = loaded.PositionsYear,
            PositionsAge = ages.Count > 0 ? PositionAge.Metadata(ages) : null,
            ScenarioText = ScenarioCopy.TextOf(loaded.Bytes),
            // As the run's tables made after the run: with the draws the announced votes took.
            Given = GivenSummary.Metadata(result.Votes.Select(v => (v.Variant, v.Vote)), result.Votes),
        };
        using var summaryStream = new MemoryStream();
        await SummaryTables.WriteSummaryAsync(result, summaryStream, provenance, cancellationToken).ConfigureAwait(false);
        summaryStream.Position = 0;
        var summary = await ParquetColumns.ReadAsync(summaryStream, cancellationToken).ConfigureAwait(false);
        var statistics = new RunStatistics(
            document.Scenario, loaded.Sha256, model.Seed, model.Trials, 1, [0], Provenance.EngineVersion, result.Votes.Select(v => v.ToState()).ToArray(), Band: band);
        var root = RunJson.Render(summary, null, statistics, null, seconds);
        root["headlines"] = Headlines(root["votes"]!.AsArray());
        root["members"] = Members(result);
        root["warnings"] = new JsonArray([.. loaded.Warnings.Select(w => (JsonNode)new JsonObject { ["line"] = w.Location.Line, ["column"] = w.Location.Column, ["message"] = w.Message })]);
        return root;
    }

    /// <summary>
    /// Per variant and vote, what a briefing says of the summary row: the odds in words and the headline percentage
    /// (<see cref="Reporting.Wording"/>), the 90% ranges of the counts, and the difference from the baseline in points.
    /// </summary>
    private static JsonArray Headlines(JsonArray votes)
    {
        var rows = new JsonArray();
        foreach (var vote in votes.OfType<JsonObject>())
        {
            double p = (double?)vote["p_adopted"] ?? double.NaN;
            double? diff = (double?)vote["diff_vs_baseline"];
            rows.Add(new JsonObject
            {
                ["variant"] = vote["variant"]?.DeepClone(),
                ["vote_id"] = vote["vote_id"]?.DeepClone(),
                ["odds"] = Reporting.Wording.Odds(p),
                ["headline"] = Reporting.Wording.Headline(p),
                ["yes_range"] = Reporting.Wording.Range((int?)vote["yes_p05"], (int?)vote["yes_p95"]),
                ["no_range"] = Reporting.Wording.Range((int?)vote["no_p05"], (int?)vote["no_p95"]),
                ["abstain_range"] = Reporting.Wording.Range((int?)vote["abstain_p05"], (int?)vote["abstain_p95"]),
                ["difference"] = diff is { } d ? Reporting.Wording.Points(d, (double?)vote["diff_se_paired"]) : null,
            });
        }

        return rows;
    }

    private static JsonArray Members(SimulationResult result)
    {
        var names = ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var rows = new JsonArray();
        foreach (var vote in result.Votes)
        {
            for (int i = 0; i < vote.Vote.Count; i++)
            {
                var member = vote.Member(i);
                rows.Add(new JsonObject
                {
                    ["variant"] = vote.Variant,
                    ["vote_id"] = vote.Vote.Id,
                    ["member"] = member.Code,
                    ["name"] = names.GetValueOrDefault(member.Code, member.Code),
                    ["p_yes"] = Finite(member.PYes),
                    ["p_abstain"] = Finite(member.PAbstain),
                    ["p_no"] = Finite(member.PNo),
                    ["p_absent"] = Finite(member.PAbsent),
                    ["swing"] = Finite(member.Swing),
                });
            }
        }

        return rows;
    }

    /// <summary>A vote never held has no member probabilities (0/0): null, as JSON has no NaN.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
