using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.VetoRecord;

/// <summary>The <c>stemsim veto-record</c> command: options and help.</summary>
internal sealed class VetoRecordCommand(VetoRecordService service) : ICliCommand
{
    public Command Build()
    {
        var data = new Option<string>("--data") { Description = "The shared UN data folder (../shared/data/un).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder for veto_followups.parquet and veto_followups.csv.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var window = new Option<int>("--window") { Description = "Days after a veto in which an Assembly vote counts as its follow-up (default 90).", DefaultValueFactory = _ => 90 };
        var from = new Option<int>("--from") { Description = "First year of the vetoes the estimates rest on (default 1991).", DefaultValueFactory = _ => 1991 };
        var until = new Option<int>("--until") { Description = "Last year of the vetoes the estimates rest on (default 2021).", DefaultValueFactory = _ => 2021 };
        var format = OutputFormats.Option("one row per estimate: the defaults, then the tabling probability by window and period");
        var command = new Command("veto-record", """
            Match the Security Council vetoes to the General Assembly votes that followed them on the same subject, write
            the pairs, and print the default probability that a follow-up is tabled and the backlash (docs/veto-record.md).

            Examples:
              stemsim veto-record --data ../shared/data/un --out runs/veto-record
              stemsim veto-record --data ../shared/data/un --out runs/veto-record --force --format csv
            """)
        {
            data, output, force, window, from, until, format,
        };
        command.SetAction((parse, cancellationToken) => service.RunAsync(
            new VetoRecordRequest
            {
                DataDirectory = parse.GetValue(data)!,
                OutputFolder = parse.GetValue(output)!,
                Force = parse.GetValue(force),
                WindowDays = parse.GetValue(window),
                FromYear = parse.GetValue(from),
                UntilYear = parse.GetValue(until),
                Format = parse.GetValue(format),
            },
            cancellationToken));
        return command;
    }
}
