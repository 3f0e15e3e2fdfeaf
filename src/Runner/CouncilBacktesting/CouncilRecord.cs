using System.Globalization;
using StemSimulator.Engine.Council;
using StemSimulator.Runner.Infrastructure;
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
        var adoptedLabels = labels.Where(l => !l.Vetoed).ToDictionary(l => l.RecordId, StringComparer.Ordinal);
        var votes = new Dictionary<string, Dictionary<string, char>>(StringComparer.Ordinal);
        string votesPath = Path.Combine(dataDirectory, "undl_2021", "sc_votes_long_1946_2021.csv");
        if (!File.Exists(votesPath))
        {
            throw new InvalidDataException($"{votesPath} does not exist");
        }

        using (var reader = new CsvRecordReader(votesPath))
        {
            string[]? header = null;
            while (reader.Read(out var problem))
            {
                if (problem is not null)
                {
                    throw new InvalidDataException($"{votesPath}:{reader.RecordLine}: {problem}");
                }

                if (header is null)
                {
                    header = [.. reader.Fields];
                    continue;
                }

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
            }
        }

        var drafts = new List<(DateOnly, string, CouncilDraft)>();
        foreach (var (id, byMember) in votes)
        {
            var label = adoptedLabels.TryGetValue(id, out var l) ? l : throw new InvalidDataException($"{votesPath}: record {id} is not in the embedded sc_record_concerns.csv");
            var elected = byMember.Keys.Where(c => !CouncilRecordModel.Permanent.Contains(c)).Order(StringComparer.Ordinal).ToArray();
            drafts.Add((label.Date, label.Symbol, new CouncilDraft(label.Date.Year, label.Concerns, elected, [], byMember) { Routine = label.Topic is "mandate" or "admission" }));
        }

        var byDate = drafts.OrderBy(d => d.Item1).ToArray();
        string vetoPath = Path.Combine(dataDirectory, "unsc_vetoes", "unsc_vetoes_1946_sept2022.csv");
        if (!File.Exists(vetoPath))
        {
            throw new InvalidDataException($"{vetoPath} does not exist");
        }

        var vetoLabels = labels.Where(l => l.Vetoed).ToLookup(l => (l.Symbol, l.Date));
        using (var reader = new CsvRecordReader(vetoPath))
        {
            string[]? header = null;
            while (reader.Read(out var problem))
            {
                if (problem is not null)
                {
                    throw new InvalidDataException($"{vetoPath}:{reader.RecordLine}: {problem}");
                }

                if (header is null)
                {
                    header = [.. reader.Fields];
                    continue;
                }

                string Field(string name) => reader.Fields[Array.IndexOf(header, name)];
                if (!DateOnly.TryParseExact(Field("date"), "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new InvalidDataException($"{vetoPath}:{reader.RecordLine}: date '{Field("date")}' is not M/D/YYYY");
                }

                string symbol = Field("draft");
                var label = vetoLabels[(symbol, date)].FirstOrDefault()
                    ?? throw new InvalidDataException($"{vetoPath}:{reader.RecordLine}: {symbol} is not in the embedded sc_record_concerns.csv");
                var vetoers = VetoColumns.Where(c => Field(c.Key) == "1").Select(c => c.Value).Distinct().ToArray();
                var nearest = byDate.Length == 0 ? null : byDate.MinBy(d => Math.Abs(d.Item1.DayNumber - date.DayNumber)).Item3;
                // The veto data give an agenda item, not the draft's title, so only admissions are known to be routine.
                drafts.Add((date, symbol, new CouncilDraft(date.Year, label.Concerns, nearest?.Elected ?? [], vetoers, null) { Routine = label.Topic == "admission" }));
            }
        }

        var ordered = drafts.OrderBy(d => d.Item1).ThenBy(d => d.Item2, StringComparer.Ordinal).ToArray();
        var annotated = CouncilVetoHistory.Annotate([.. ordered.Select(d => (d.Item1, d.Item3))]);
        return [.. ordered.Select((d, i) => (d.Item1, d.Item2, annotated[i].Draft))];
    }
}
