using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StemSimulator.Runner.Running;

namespace StemSimulator.Runner.Cli;

/// <summary>The <c>stemsim</c> command line: its commands, options and help.</summary>
internal sealed class StemsimCli(RunService runs, IServiceProvider services)
{
    public RootCommand Build()
    {
        var root = new RootCommand("StemSimulator: Monte Carlo scenarios for votes in the UN General Assembly and Security Council.");
        root.Subcommands.Add(BuildRun());
        root.Subcommands.Add(services.GetRequiredService<Power.PowerCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<CalibrateCommand>().Create());
        root.Subcommands.Add(services.GetRequiredService<BacktestCommand>().Create());
        return root;
    }

    private Command BuildRun()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML), e.g. scenarios/ga-ceasefire-2026.yaml." };
        var trials = new Option<long?>("--trials", "-n") { Description = "Number of trials (overrides the scenario's 'trials')." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the random numbers (overrides the scenario's 'seed')." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: runs/<scenario name>)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("run", """
            Run a scenario and write trials.parquet, summary.parquet and member_probabilities.parquet.

            Examples:
              stemsim run scenarios/ga-ceasefire-2026.yaml
              stemsim run scenarios/sc-ceasefire-draft-2026.yaml --trials 1000000 --seed 7 --out runs/sc-1m
            """)
        {
            scenario, trials, seed, output, force, threads, quiet,
        };
        command.SetAction((parse, cancellationToken) => runs.RunAsync(
            new RunRequest
            {
                ScenarioPath = parse.GetValue(scenario)!,
                Trials = parse.GetValue(trials),
                Seed = parse.GetValue(seed),
                OutputFolder = parse.GetValue(output),
                Force = parse.GetValue(force),
                Threads = parse.GetValue(threads),
                Quiet = parse.GetValue(quiet),
            },
            cancellationToken));
        return command;
    }
}
