using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Members;

/// <summary>The <c>stemsim members</c> command.</summary>
internal sealed class MembersCommand(MembersService members) : ICliCommand
{
    public Command Build()
    {
        var bloc = new Option<string?>("--bloc", "-b") { Description = "Only the members of this group, any case: a UN regional group (AFRICAN_GROUP, ASIA_PACIFIC_GROUP, EASTERN_EUROPEAN_GROUP, GRULAC, WEOG) or a bloc (P5, EU, BRICS, BRICS_PARTNERS, NAM, G77, AU, OIC, ARAB_LEAGUE, ASEAN, CARICOM, SIDS, NATO)." };
        var year = new Option<int?>("--year", "-y") { Description = "Membership at the end of this year (default: today)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print the table only, without the line above it." };
        var format = OutputFormats.Option();
        var command = new Command("members", """
            List the UN member states of the embedded reference data: ISO3 code (as scenarios write it), name, regional
            group, admission date and the blocs each belongs to on the date.

            Examples:
              stemsim members
              stemsim members --bloc BRICS --year 2025
              stemsim members --bloc SIDS
              stemsim members --bloc weog --format csv
            """)
        {
            bloc, year, quiet, format,
        };
        command.SetAction(parse => members.List(parse.GetValue(bloc), parse.GetValue(year), parse.GetValue(quiet), parse.GetValue(format)));
        return command;
    }
}
