using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Lobbying;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Lobbying;

/// <summary>Runs the lobbying optimiser on a scenario's vote and prints the plan.</summary>
internal sealed class LobbyService(ConsoleStreams console)
{
    public async Task<int> RunAsync(string scenarioPath, string? voteId, int members, double effect, long trials, CancellationToken cancellationToken, OutputFormat format = OutputFormat.Table, string? calibrationFile = null)
    {
        var loaded = ScenarioLoader.LoadFile(scenarioPath, new RunOverrides { CalibrationFile = calibrationFile });
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            return ExitCodes.InvalidInput;
        }

        var model = loaded.Model!;
        var votes = model.Variants[0].Votes;
        int index = voteId is null ? 0 : votes.Select(v => v.Id).ToList().IndexOf(voteId);
        if (votes.Count == 0 || index < 0)
        {
            console.Error.WriteLine(votes.Count == 0
                ? $"error: {scenarioPath} has no votes"
                : $"error: no vote '{voteId}' in {scenarioPath}; votes: {string.Join(", ", votes.Select(v => v.Id))}");
            return ExitCodes.InvalidInput;
        }

        var vote = votes[index];
        int movable = Enumerable.Range(0, vote.Count).Count(i => !vote.IsFixed(i));
        string? problem = members < 1 || members > movable ? $"--members must be between 1 and {movable} (members whose vote is not fixed)"
            : !(Math.Abs(effect) <= 5) ? "--effect must be between -5 and 5"
            : trials < 100 || trials > 1_000_000 ? "--trials must be between 100 and 1,000,000"
            : vote.Conditions.Count > 0 ? $"vote '{vote.Id}' waits for an earlier vote; choose a vote that is always held"
            : null;
        if (problem is not null)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        try
        {
            var plan = await Task.Run(() => LobbyingOptimizer.Optimize(model, index, members, effect, trials, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (format != OutputFormat.Table)
            {
                Steps(plan).Write(console, format);
                return ExitCodes.Success;
            }

            var run = await Task.Run(() => RunBaseline(model, index, cancellationToken), cancellationToken).ConfigureAwait(false);
            Write(plan, vote.Id, members, effect, trials);
            WriteComparison(plan, run, trials);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>
    /// The vote's P(adopted) as <c>stemsim run</c> estimates it: the scenario's trials and seed, the estimator the run's
    /// pilot picks, the baseline alone (the baseline's numbers do not depend on the variants beside it).
    /// </summary>
    private static (VoteStatistics Vote, OutcomeEstimator Estimator, long Trials) RunBaseline(SimulationModel model, int index, CancellationToken cancellationToken)
    {
        var resolved = EstimatorSelection.Resolve(model, cancellationToken);
        var baseline = new SimulationModel(resolved.Seed, resolved.Trials, [resolved.Variants[0]]);
        var statistics = MonteCarloSimulator.Run(baseline, new SimulationOptions(), cancellationToken: cancellationToken).Votes[index];
        return (statistics, resolved.Variants[0].Votes[index].Estimator, resolved.Trials);
    }

    /// <summary>
    /// Sets the optimiser's baseline beside the run's and says whether Monte Carlo error explains the difference
    /// (within 3 standard errors of the difference, taking the two estimates as independent, which overstates that error
    /// since the optimiser's trials are the run's first ones).
    /// </summary>
    private void WriteComparison(LobbyingPlan plan, (VoteStatistics Vote, OutcomeEstimator Estimator, long Trials) run, long trials)
    {
        var invariant = CultureInfo.InvariantCulture;
        double difference = plan.BaselinePAdopted - run.Vote.PAdopted;
        double se = Math.Sqrt((plan.BaselineStandardError * plan.BaselineStandardError) + (run.Vote.PAdoptedStandardError * run.Vote.PAdoptedStandardError));
        string verdict = Math.Abs(difference) <= 3 * se
            ? string.Create(invariant, $"the difference ({difference:+0.000;-0.000;0.000}) is Monte Carlo error of the optimiser's {trials:N0} trials (standard error of the difference at most {se:0.0000})")
            : string.Create(invariant, $"the difference ({difference:+0.000;-0.000;0.000}) is more than Monte Carlo error explains (standard error {se:0.0000}); the two estimators disagree on this vote");
        console.Out.MarkupLine(Markup.Escape(string.Create(invariant,
            $"The scenario's run ({run.Trials:N0} trials, {run.Estimator.Name()} estimator) gives P(adopted) {run.Vote.PAdopted:0.0000} ± {run.Vote.PAdoptedStandardError:0.0000} against the optimiser's {plan.BaselinePAdopted:0.0000} ± {plan.BaselineStandardError:0.0000} (exact estimator, {trials:N0} trials): {verdict}. The gains are differences on common trials and carry far less error than either level.")));
    }

    /// <summary>
    /// The plan as rows: step 0 is the baseline without outreach, then each member won over in the order the greedy
    /// search chose them, with P(adopted) after that step, its gain over the step before and how many candidates it
    /// evaluated.
    /// </summary>
    private static TextTable Steps(LobbyingPlan plan)
    {
        var names = ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<object?>> { new object?[] { 0L, null, "(no outreach)", plan.BaselinePAdopted, null, null } };
        for (int s = 0; s < plan.Steps.Count; s++)
        {
            var step = plan.Steps[s];
            rows.Add(new object?[] { (long)(s + 1), step.Code, names.GetValueOrDefault(step.Code, step.Code), step.PAdopted, step.Gain, (long)step.Evaluated });
        }

        return new TextTable(["step", "member", "name", "p_adopted", "gain", "evaluated"], rows)
        {
            Atomic = new HashSet<string>(["member"], StringComparer.Ordinal),
            Display = new Dictionary<string, Func<double, string>>(StringComparer.Ordinal)
            {
                ["p_adopted"] = v => v.ToString("0.000", CultureInfo.InvariantCulture),
                ["gain"] = v => v.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture),
            },
        };
    }

    private void Write(LobbyingPlan plan, string voteId, int members, double effect, long trials)
    {
        var invariant = CultureInfo.InvariantCulture;
        var output = console.Out;
        output.MarkupLine(string.Create(invariant, $"Winning over [bold]{members}[/] members (latent support +{effect:0.##} each) on [bold]{Markup.Escape(voteId)}[/]: {trials:N0} trials per evaluation, exact estimator, common random numbers."));
        output.MarkupLine(string.Create(invariant, $"P(adopted) without outreach: [bold]{plan.BaselinePAdopted:0.000}[/] ± {plan.BaselineStandardError:0.000} on these trials"));
        Steps(plan).Write(console, OutputFormat.Table);
        output.MarkupLine(string.Create(invariant, $"The greedy set reaches [bold]{plan.PAdopted:0.000}[/]; winning over the {members} members of largest swing ({string.Join(", ", plan.TopSwingMembers)}) would reach {plan.TopSwingPAdopted:0.000}."));
    }
}
