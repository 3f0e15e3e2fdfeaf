using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Analogs;

/// <summary>The <c>stemsim analogs</c> command: ranked search over the calibrated roll calls.</summary>
internal sealed class AnalogsCommand(AnalogsService analogs) : ICliCommand
{
    public Command Build()
    {
        var query = new Argument<string?>("query") { Description = "Words of the title, topic, issue area or state concerned (\"territorial integrity Ukraine\"), or a symbol such as A/RES/68/262.", Arity = ArgumentArity.ZeroOrOne };
        var issue = new Option<string?>("--issue") { Description = "Only roll calls of this issue area: palestinian_conflict, nuclear_weapons, arms_control, human_rights, colonialism, economic_development." };
        var from = new Option<int?>("--from") { Description = "Only votes in or after this year." };
        var to = new Option<int?>("--to") { Description = "Only votes in or before this year." };
        var concerns = new Option<string?>("--concerns") { Description = "Only roll calls whose texts concern this state (ISO3 code, e.g. RUS)." };
        var body = new Option<string>("--body") { Description = "The organ whose roll calls to search: ga (the calibration holds Assembly roll calls only).", DefaultValueFactory = _ => "ga" };
        var calibration = new Option<string?>("--calibration") { Description = "A calibration table made with 'stemsim calibrate --out FILE' (the positions file): search its roll calls instead of the embedded calibration's." };
        var top = new Option<int>("--top", "-n") { Description = "How many roll calls to list (1 to 1,000).", DefaultValueFactory = _ => 10 };
        var format = OutputFormats.Option("with the roll-call id");
        var command = new Command("analogs", """
            Find analog roll calls for a vote to come ('like:' in a scenario): a ranked full-text search (Lucene.Net, BM25)
            over the titles, topics, issue areas and states concerned of the calibration's roll calls, best first, with
            the symbol to write, the date, the recorded yes-no-abstain counts and the calibrated discrimination.

            Examples:
              stemsim analogs "territorial integrity Ukraine"
              stemsim analogs "human rights" --concerns IRN --from 2010
              stemsim analogs --issue nuclear_weapons --from 2015 --to 2021 --format csv
            """)
        {
            query, issue, from, to, concerns, body, calibration, top, format,
        };
        command.SetAction(parse => analogs.List(new AnalogsRequest(
            parse.GetValue(query) ?? string.Empty,
            parse.GetValue(issue),
            parse.GetValue(from),
            parse.GetValue(to),
            parse.GetValue(concerns),
            parse.GetValue(body) ?? "ga",
            parse.GetValue(calibration),
            parse.GetValue(top),
            parse.GetValue(format))));
        return command;
    }
}
