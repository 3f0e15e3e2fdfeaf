using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Running;

/// <summary>The <c>run</c> command: options, help and examples.</summary>
internal sealed class RunCommand(RunService runs) : ICliCommand
{
    public Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML), e.g. scenarios/ga-hrc-suspension-2026.yaml." };
        var trials = new Option<long?>("--trials", "-n")
        {
            Description = "Number of trials (overrides the scenario's 'trials').",
            CustomParser = r => OptionErrors.WholeNumber(r, 1, Scenarios.Compilation.ScenarioLimits.MaxTrials),
        };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the random numbers (overrides the scenario's 'seed').", CustomParser = OptionErrors.Seed };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: runs/<scenario name>, or runs/<scenario name>/shard-<k> for a shard)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors (no tables, no progress)." };
        var json = new Option<bool>("--json") { Description = "Print the summary (summary.parquet and election_summary.parquet rows, with the provenance) as one JSON object on standard output, and nothing else there." };
        var format = OutputFormats.Option("json is --json; csv holds summary.parquet's rows (election_summary.parquet's for elections only)");
        var timings = new Option<bool>("--timings") { Description = "Print on standard error how long each phase took: start-up, reference data, scenario, estimator, simulate, tables, report." };
        var shardIndex = new Option<int?>("--shard-index") { Description = "Run only shard k (0-based) of --shard-count shards: a contiguous range of trials." };
        var calibration = new Option<string?>("--calibration") { Description = "A calibration table made with 'stemsim calibrate --out FILE' (the positions file): use it instead of the scenario's calibration; recorded with its SHA-256 in the provenance." };
        var shardCount = new Option<int?>("--shard-count") { Description = "Number of shards the run is split into; combine them with 'stemsim merge'." };
        var command = new Command("run", """
            Run a scenario and write trials/, summary.parquet, member_probabilities.parquet and statistics.json.
            The trials are a folder of parts in every run: trials/shard=0/part-0.parquet for a single run,
            trials/shard=<k>/part-0.parquet for shard k, all of them after 'stemsim merge' (which combines shards into
            exactly the tables of a single run); read_parquet('<run>/trials/**/*.parquet') reads any of them.

            Examples:
              stemsim run scenarios/ga-hrc-suspension-2026.yaml
              stemsim run scenarios/sc-ceasefire-draft-2026.yaml --trials 1000000 --seed 7 --out runs/sc-1m
              stemsim run scenarios/ga-hrc-suspension-2026.yaml --shard-index 0 --shard-count 3 --out runs/hrc/shard-0
              stemsim run scenarios/hrc-weog-2026.yaml --json --force | jq '.elections[] | {candidate, p_elected}'
              stemsim run scenarios/ga-hrc-suspension-2026.yaml --calibration my-calibration.csv.gz
              stemsim run scenarios/ga-hrc-suspension-2026.yaml --format csv --force > summary.csv

            Progress: a bar with rate and time left when standard error is a terminal, else a plain line on standard
            error every 10% of a long run. Exit codes: 0 done, 1 runtime failure, 2 invalid input (nothing run),
            130 interrupted (nothing written).
            """)
        {
            scenario, trials, seed, output, force, threads, quiet, json, format, shardIndex, shardCount, calibration, timings,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(format) == OutputFormat.Csv)
            {
                result.AddError("--json and --format csv ask for two different outputs; give one of them");
            }
        });
        command.SetAction((parse, cancellationToken) => runs.RunAsync(
            new RunRequest
            {
                ScenarioPath = parse.GetValue(scenario)!,
                Trials = parse.GetValue(trials),
                Seed = parse.GetValue(seed),
                CalibrationFile = parse.GetValue(calibration),
                OutputFolder = parse.GetValue(output),
                Force = parse.GetValue(force),
                Threads = parse.GetValue(threads),
                Quiet = parse.GetValue(quiet),
                Json = parse.GetValue(json) || parse.GetValue(format) == OutputFormat.Json,
                Csv = parse.GetValue(format) == OutputFormat.Csv,
                Timings = parse.GetValue(timings),
                ShardIndex = parse.GetValue(shardIndex),
                ShardCount = parse.GetValue(shardCount),
            },
            cancellationToken));
        return command;
    }
}
