using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Merging;

/// <summary>The <c>merge</c> command: combine shard outputs into the tables of the whole run.</summary>
internal sealed class MergeCommand(MergeService merges) : ICliCommand
{
    public Command Build()
    {
        var inputs = new Argument<string[]>("shards") { Description = "Output folders of 'stemsim run --shard-index k --shard-count N' (every shard once).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the merged run.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario file the shards ran (checked by its SHA-256); needed for election tables when the path recorded in the shards does not lead to it." };
        var command = new Command("merge", """
            Combine the outputs of a run's shards, exactly and without simulating again: trials/shard=<k>/part-0.parquet
            and elections/shard=<k>/part-0.parquet are gathered into one folder (DuckDB and Spark read each as one
            table, e.g. read_parquet('<merged>/trials/**/*.parquet'), as for a single run), and every other table (summary, member probabilities, drift, election summaries) and
            statistics.json are recomputed from the shards' exact statistics, equal value for value to those of a
            single run. Every shard's Parquet files are opened and their rows counted before anything is written.

            Examples:
              stemsim merge runs/hrc/shard-0 runs/hrc/shard-1 runs/hrc/shard-2 --out runs/hrc/merged
              stemsim merge /data/run/shard-* --out /data/run/merged
            """)
        {
            inputs, output, force, quiet, scenario,
        };
        command.SetAction((parse, cancellationToken) => merges.MergeAsync(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(force), parse.GetValue(quiet), parse.GetValue(scenario), cancellationToken));
        return command;
    }
}
