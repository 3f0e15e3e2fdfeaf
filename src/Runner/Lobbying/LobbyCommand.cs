using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Lobbying;

/// <summary>The <c>lobby</c> command: whom to win over.</summary>
internal sealed class LobbyCommand(LobbyService lobbying) : ICliCommand
{
    public Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var vote = new Option<string?>("--vote") { Description = "The vote to win (default: the scenario's first vote)." };
        var members = new Option<int>("--members", "-k") { Description = "How many members to win over (default 5).", DefaultValueFactory = _ => 5 };
        var effect = new Option<double>("--effect") { Description = "Shift of each won-over member's latent support (default 0.5; 1 moves a typical undecided member from abstaining to yes).", DefaultValueFactory = _ => 0.5 };
        var trials = new Option<long>("--trials", "-n") { Description = "Trials per evaluation, the same for all (default 2,000).", DefaultValueFactory = _ => 2000 };
        var calibration = new Option<string?>("--calibration") { Description = "A calibration table made with 'stemsim calibrate --out FILE' (the positions file): use it instead of the scenario's calibration, as 'stemsim run --calibration' does." };
        var format = OutputFormats.Option("step 0 is the baseline without outreach; the comparison with the scenario's run is printed with the table only");
        var command = new Command("lobby", """
            Find the members whose support, raised by --effect, most raises P(adopted) of a vote: greedy choice with
            lazy re-evaluation, every candidate evaluated on the same trials with the exact estimator. Compares the
            result with simply winning over the members of largest swing.

            Examples:
              stemsim lobby scenarios/ga-hrc-suspension-2026.yaml --members 5 --effect 0.5
              stemsim lobby scenarios/sc-veto-chain-2026.yaml --vote sc-draft --members 3 --effect 1
              stemsim lobby scenarios/ga-hrc-suspension-2026.yaml --format json | jq '.[] | {member, gain}'
            """)
        {
            scenario, vote, members, effect, trials, calibration, format,
        };
        command.SetAction((parse, cancellationToken) => lobbying.RunAsync(
            parse.GetValue(scenario)!, parse.GetValue(vote), parse.GetValue(members), parse.GetValue(effect), parse.GetValue(trials), cancellationToken,
            parse.GetValue(format), parse.GetValue(calibration)));
        return command;
    }
}
