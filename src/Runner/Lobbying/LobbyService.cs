using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Lobbying;
using StemSimulator.Runner.Cli;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Running;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios;

namespace StemSimulator.Runner.Lobbying;

/// <summary>Runs the lobbying optimiser on a scenario's vote and prints the plan.</summary>
internal sealed class LobbyService(ConsoleStreams console)
{
    public async Task<int> RunAsync(string scenarioPath, string? voteId, int members, double effect, long trials, CancellationToken cancellationToken)
    {
        var loaded = ScenarioLoader.LoadFile(scenarioPath);
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
            Write(plan, vote.Id, members, effect, trials);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    private void Write(LobbyingPlan plan, string voteId, int members, double effect, long trials)
    {
        var invariant = CultureInfo.InvariantCulture;
        var names = ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var output = console.Out;
        output.MarkupLine(string.Create(invariant, $"Winning over [bold]{members}[/] members (latent support +{effect:0.##} each) on [bold]{Markup.Escape(voteId)}[/]: {trials:N0} trials per evaluation, exact estimator, common random numbers."));
        output.MarkupLine(string.Create(invariant, $"P(adopted) without outreach: [bold]{plan.BaselinePAdopted:0.000}[/]"));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("step").RightAligned());
        table.AddColumn("member");
        table.AddColumn("name");
        table.AddColumn(new TableColumn("P(adopted)").RightAligned());
        table.AddColumn(new TableColumn("gain").RightAligned());
        table.AddColumn(new TableColumn("evaluated").RightAligned());
        for (int s = 0; s < plan.Steps.Count; s++)
        {
            var step = plan.Steps[s];
            table.AddRow(
                (s + 1).ToString(invariant),
                step.Code,
                Markup.Escape(names.GetValueOrDefault(step.Code, step.Code)),
                step.PAdopted.ToString("0.000", invariant),
                step.Gain.ToString("+0.0000;-0.0000", invariant),
                step.Evaluated.ToString(invariant));
        }

        output.Write(table);
        output.MarkupLine(string.Create(invariant, $"The greedy set reaches [bold]{plan.PAdopted:0.000}[/]; winning over the {members} members of largest swing ({string.Join(", ", plan.TopSwingMembers)}) would reach {plan.TopSwingPAdopted:0.000}."));
    }
}
