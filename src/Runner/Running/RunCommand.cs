using System.CommandLine;
using System.Globalization;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Running;

/// <summary>The <c>run</c> command: options, help and examples.</summary>
internal sealed class RunCommand(RunService runs) : ICliCommand
{
    private static readonly string Help = string.Create(CultureInfo.InvariantCulture, $$"""
        Run a scenario and write trials/, summary.parquet, member_probabilities.parquet and statistics.json.
        The trials are a folder of parts in every run: trials/shard=0/part-0.parquet for a single run,
        trials/shard=<k>/part-0.parquet for shard k, all of them after 'stemsim merge' (which combines shards into
        exactly the tables of a single run); read_parquet('<run>/trials/**/*.parquet') reads any of them.
        --member-votes adds member_votes/ laid out alike: one row per trial, variant, vote held and member (a
        vote of the 193-member Assembly: 193 rows a trial, about {{MemberVotesFile.EstimatedBytesPerRow * 193 / 1000:0.#}} kB), at most
        {{MemberVotesFile.MaxRows:N0}} rows in one run or shard; the run states the rows and bytes before writing.

        Examples:
          stemsim run scenarios/ga-hrc-suspension-2026.yaml
          stemsim run scenarios/sc-ceasefire-draft-2026.yaml --trials 1000000 --seed 7 --out runs/sc-1m
          stemsim run scenarios/ga-hrc-suspension-2026.yaml --shard-index 0 --shard-count 3 --out runs/hrc/shard-0
          stemsim run scenarios/hrc-weog-2026.yaml --json --force | jq '.elections[] | {candidate, p_elected}'
          stemsim run scenarios/ga-hrc-suspension-2026.yaml --calibration my-calibration.csv.gz
          stemsim run scenarios/ga-hrc-suspension-2026.yaml --format csv --force > summary.csv
          stemsim run scenarios/ga-hrc-suspension-2026.yaml --trials 2000 --member-votes --force

        Progress: a bar with rate and time left when standard error is a terminal, else a plain line on standard
        error every 10% of a long run. Exit codes: 0 done, 1 runtime failure, 2 invalid input (nothing run),
        130 interrupted (nothing written).
        """);

    public Command Build()
    {
        var options = new RunOptions();
        var command = new Command("run", Help);
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(options.Json) && result.GetValue(options.Format) == OutputFormat.Csv)
            {
                result.AddError("--json and --format csv ask for two different outputs; give one of them");
            }
        });
        command.SetAction((parse, cancellationToken) => runs.RunAsync(options.RequestOf(parse), cancellationToken));
        return command;
    }

    /// <summary>The command's argument and options, and the request they make.</summary>
    private sealed class RunOptions
    {
        public Argument<string> Scenario { get; } = new("scenario") { Description = "The scenario file (YAML), e.g. scenarios/ga-hrc-suspension-2026.yaml." };

        public Option<long?> Trials { get; } = new("--trials", "-n")
        {
            Description = "Number of trials (overrides the scenario's 'trials').",
            CustomParser = r => OptionErrors.WholeNumber(r, 1, Scenarios.Compilation.ScenarioLimits.MaxTrials),
        };

        public Option<ulong?> Seed { get; } = new("--seed") { Description = "Seed of the random numbers (overrides the scenario's 'seed').", CustomParser = OptionErrors.Seed };

        public Option<string?> Output { get; } = new("--out", "-o") { Description = "Output folder (default: runs/<scenario name>, or runs/<scenario name>/shard-<k> for a shard)." };

        public Option<bool> Force { get; } = new("--force") { Description = "Replace the output folder if it exists." };

        public Option<int?> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };

        public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print nothing but errors (no tables, no progress)." };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the summary (summary.parquet and election_summary.parquet rows, with the provenance) as one JSON object on standard output, and nothing else there." };

        public Option<OutputFormat> Format { get; } = OutputFormats.Option("json is --json; csv holds summary.parquet's rows (election_summary.parquet's for elections only)");

        public Option<bool> Timings { get; } = new("--timings") { Description = "Print on standard error how long each phase took: start-up, scenario (with the wait for the reference data), estimator, simulate, member votes (with --member-votes), band, tables, report." };

        public Option<int?> ShardIndex { get; } = new("--shard-index") { Description = "Run only shard k (0-based) of --shard-count shards: a contiguous range of trials." };

        public Option<int?> ShardCount { get; } = new("--shard-count") { Description = "Number of shards the run is split into; combine them with 'stemsim merge'." };

        public Option<string?> Calibration { get; } = new("--calibration") { Description = "A calibration table made with 'stemsim calibrate --out FILE' (the positions file): use it instead of the scenario's calibration; recorded with its SHA-256 in the provenance." };

        public Option<bool> MemberVotes { get; } = new("--member-votes")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Also write member_votes/: every member's vote (yes, no, abstain, absent) in every trial, for questions about several members at once. Rows: trials x the members of each variant's votes (about {MemberVotesFile.EstimatedBytesPerRow:0.#} bytes a row), stated before writing; refused over {MemberVotesFile.MaxRows:N0} rows in one run or shard (ask fewer trials, or shards). Each trial is simulated a second time to write them."),
        };

        public void AddTo(Command command)
        {
            foreach (var symbol in new Symbol[] { Scenario, Trials, Seed, Output, Force, Threads, Quiet, Json, Format, ShardIndex, ShardCount, Calibration, Timings, MemberVotes })
            {
                switch (symbol)
                {
                    case Argument argument:
                        command.Arguments.Add(argument);
                        break;
                    case Option option:
                        command.Options.Add(option);
                        break;
                    default:
                        throw new InvalidOperationException($"unknown symbol {symbol.Name}");
                }
            }
        }

        public RunRequest RequestOf(ParseResult parse) => new()
        {
            ScenarioPath = parse.GetValue(Scenario)!,
            Trials = parse.GetValue(Trials),
            Seed = parse.GetValue(Seed),
            CalibrationFile = parse.GetValue(Calibration),
            OutputFolder = parse.GetValue(Output),
            Force = parse.GetValue(Force),
            Threads = parse.GetValue(Threads),
            Quiet = parse.GetValue(Quiet),
            Json = parse.GetValue(Json) || parse.GetValue(Format) == OutputFormat.Json,
            Csv = parse.GetValue(Format) == OutputFormat.Csv,
            Timings = parse.GetValue(Timings),
            ShardIndex = parse.GetValue(ShardIndex),
            ShardCount = parse.GetValue(ShardCount),
            MemberVotes = parse.GetValue(MemberVotes),
        };
    }
}
