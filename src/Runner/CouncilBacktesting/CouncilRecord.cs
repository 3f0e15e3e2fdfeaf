using System.Globalization;
using StemSimulator.Engine.Council;
using StemSimulator.Scenarios.Csv;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.CouncilBacktesting;

/// <summary>
/// The Council's record as drafts put to a vote: adopted resolutions (undl_2021/sc_votes_long_1946_2021.csv, each
/// member's vote) and vetoed drafts (unsc_vetoes/unsc_vetoes_1946_sept2022.csv, who vetoed), each with the states
/// it concerns from the embedded <see cref="CouncilRecordLabels"/>. A vetoed draft's elected members are those of the
/// nearest adopted resolution in date. Each draft carries <see cref="CouncilDraft.DaysSinceVeto"/> from the vetoes
/// before its date (<see cref="CouncilVetoHistory"/>). Drafts that failed without a veto are not in the data.
/// </summary>
internal static class CouncilRecord
{
    private static readonly Dictionary<string, string> VetoColumns = new(StringComparer.Ordinal)
    {
        ["China"] = "CHN", ["France"] = "FRA", ["Russia"] = "RUS", ["USSR"] = "RUS", ["USA"] = "USA", ["UK"] = "GBR",
    };

    /// <summary>Loads the drafts in date order with their dates.</summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names it and the line.</exception>
    public static IReadOnlyList<(DateOnly Date, string Symbol, CouncilDraft Draft)> Load(string dataDirectory)
    {
        var labels = CouncilRecordLabels.Embedded;
        string votesPath = Existing(Path.Combine(dataDirectory, "undl_2021", "sc_votes_long_1946_2021.csv"));
        var drafts = AdoptedDrafts(votesPath, ReadMemberVotes(votesPath), labels);
        var adoptedByDate = drafts.OrderBy(d => d.Date).ToArray();
        string vetoPath = Existing(Path.Combine(dataDirectory, "unsc_vetoes", "unsc_vetoes_1946_sept2022.csv"));
        drafts.AddRange(VetoedDrafts(vetoPath, labels, adoptedByDate));
        var ordered = drafts.OrderBy(d => d.Date).ThenBy(d => d.Symbol, StringComparer.Ordinal).ToArray();
        var annotated = CouncilVetoHistory.Annotate([.. ordered.Select(d => (d.Date, d.Draft))]);
        return [.. ordered.Select((d, i) => (d.Date, d.Symbol, annotated[i].Draft))];
    }

    /// <summary><paramref name="path"/> itself when the file exists.</summary>
    /// <exception cref="InvalidDataException">It does not.</exception>
    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new InvalidDataException($"{path} does not exist");

    /// <summary>Per record id of an adopted resolution, each member's vote (Y, A, N or X; the USSR as RUS).</summary>
    private static Dictionary<string, Dictionary<string, char>> ReadMemberVotes(string votesPath)
    {
        var votes = new Dictionary<string, Dictionary<string, char>>(StringComparer.Ordinal);
        ReadRecords(votesPath, (reader, _) =>
        {
            // undl_record_id,date,resolution,country_name_raw,iso3_mapped,vote
            string id = reader.Fields[0], code = reader.Fields[4] == "SUN" ? "RUS" : reader.Fields[4], vote = reader.Fields[5];
            if (vote.Length != 1 || "YANX".IndexOf(vote[0], StringComparison.Ordinal) < 0)
            {
                throw new InvalidDataException($"{votesPath}:{reader.RecordLine}: vote '{vote}' is not Y, A, N or X");
            }

            if (!votes.TryGetValue(id, out var byMember))
            {
                votes[id] = byMember = new Dictionary<string, char>(StringComparer.Ordinal);
            }

            byMember[code] = vote[0];
        });
        return votes;
    }

    /// <summary>The adopted resolutions as drafts, with their labels' dates, symbols and concerns.</summary>
    private static List<(DateOnly Date, string Symbol, CouncilDraft Draft)> AdoptedDrafts(string votesPath, Dictionary<string, Dictionary<string, char>> votes, IEnumerable<CouncilRecordLabel> labels)
    {
        var adoptedLabels = labels.Where(l => !l.Vetoed).ToDictionary(l => l.RecordId, StringComparer.Ordinal);
        var drafts = new List<(DateOnly, string, CouncilDraft)>();
        foreach (var (id, byMember) in votes)
        {
            var label = adoptedLabels.TryGetValue(id, out var l) ? l : throw new InvalidDataException($"{votesPath}: record {id} is not in the embedded sc_record_concerns.csv");
            var elected = byMember.Keys.Where(c => !CouncilRecordModel.Permanent.Contains(c)).Order(StringComparer.Ordinal).ToArray();
            drafts.Add((label.Date, label.Symbol, new CouncilDraft(label.Date.Year, label.Concerns, elected, [], byMember) { Routine = label.Topic is "mandate" or "admission" }));
        }

        return drafts;
    }

    /// <summary>The vetoed drafts, each with who vetoed it and the elected members of the nearest adopted resolution in date.</summary>
    private static List<(DateOnly Date, string Symbol, CouncilDraft Draft)> VetoedDrafts(string vetoPath, IEnumerable<CouncilRecordLabel> labels, (DateOnly Date, string Symbol, CouncilDraft Draft)[] adoptedByDate)
    {
        var vetoLabels = labels.Where(l => l.Vetoed).ToLookup(l => (l.Symbol, l.Date));
        var drafts = new List<(DateOnly, string, CouncilDraft)>();
        ReadRecords(vetoPath, (reader, header) =>
        {
            string Field(string name) => reader.Fields[Array.IndexOf(header, name)];
            if (!DateOnly.TryParseExact(Field("date"), "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"{vetoPath}:{reader.RecordLine}: date '{Field("date")}' is not M/D/YYYY");
            }

            string symbol = Field("draft");
            var label = vetoLabels[(symbol, date)].FirstOrDefault()
                ?? throw new InvalidDataException($"{vetoPath}:{reader.RecordLine}: {symbol} is not in the embedded sc_record_concerns.csv");
            var vetoers = VetoColumns.Where(c => Field(c.Key) == "1").Select(c => c.Value).Distinct().ToArray();
            var nearest = adoptedByDate.Length == 0 ? null : adoptedByDate.MinBy(d => Math.Abs(d.Date.DayNumber - date.DayNumber)).Draft;
            // The veto data give an agenda item, not the draft's title, so only admissions are known to be routine.
            drafts.Add((date, symbol, new CouncilDraft(date.Year, label.Concerns, nearest?.Elected ?? [], vetoers, null) { Routine = label.Topic == "admission" }));
        });
        return drafts;
    }

    /// <summary>Calls <paramref name="row"/> with every record after the header (and the header); a malformed record stops with its line.</summary>
    private static void ReadRecords(string path, Action<CsvRecordReader, string[]> row)
    {
        using var reader = new CsvRecordReader(path);
        string[]? header = null;
        while (reader.Read(out var problem))
        {
            if (problem is not null)
            {
                throw new InvalidDataException($"{path}:{reader.RecordLine}: {problem}");
            }

            if (header is null)
            {
                header = [.. reader.Fields];
                continue;
            }

            row(reader, header);
        }
    }
}
