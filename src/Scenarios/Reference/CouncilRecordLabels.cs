using System.Globalization;
using System.Text;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The Security Council record labelled with the states each text concerns (<see cref="CouncilRecordLabel"/>):
/// 2,617 adopted resolutions 1946-2021 and 214 vetoed drafts 1946-2022. Embedded from
/// <c>ReferenceData/sc_record_concerns.csv</c>; how it is derived and checked is in <c>docs/council-model.md</c>.
/// </summary>
public static class CouncilRecordLabels
{
    /// <summary>Name of the embedded resource.</summary>
    public const string Resource = "StemSimulator.Scenarios.ReferenceData.sc_record_concerns.csv";

    private static readonly Lazy<IReadOnlyList<CouncilRecordLabel>> LazyEmbedded = new(() =>
    {
        var assembly = typeof(CouncilRecordLabels).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidDataException($"{Resource}: embedded resource not found in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, Resource);
    });

    /// <summary>The embedded table, in date order.</summary>
    public static IReadOnlyList<CouncilRecordLabel> Embedded => LazyEmbedded.Value;

    /// <summary>Parses the table (header record_id,symbol,date,kind,concerns,topic,source,keywords,vetoers).</summary>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the resource and line.</exception>
    internal static IReadOnlyList<CouncilRecordLabel> Parse(TextReader reader, string resource)
    {
        var records = ReferenceCatalog.ParseCsv(reader, resource);
        string[] expected = ["record_id", "symbol", "date", "kind", "concerns", "topic", "source", "keywords", "vetoers"];
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(expected))
        {
            throw new InvalidDataException($"{resource}: expected the header {string.Join(',', expected)}");
        }

        var labels = new List<CouncilRecordLabel>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != expected.Length
                || !DateOnly.TryParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"{resource}:{line}: expected {expected.Length} fields with a yyyy-MM-dd date");
            }

            bool vetoed = fields[3] switch
            {
                "adopted" => false,
                "vetoed" => true,
                _ => throw new InvalidDataException($"{resource}:{line}: kind '{fields[3]}' is neither adopted nor vetoed"),
            };
            var concerns = fields[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (concerns.Any(c => c.Length != 3 || !c.All(char.IsAsciiLetterUpper)))
            {
                throw new InvalidDataException($"{resource}:{line}: concerns '{fields[4]}' are not ISO3 codes");
            }

            var vetoers = fields[8].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (vetoed == (vetoers.Length == 0) || vetoers.Any(v => v is not ("CHN" or "FRA" or "RUS" or "GBR" or "USA")))
            {
                throw new InvalidDataException($"{resource}:{line}: vetoers '{fields[8]}' must name permanent members for a vetoed draft and be empty for an adopted one");
            }

            labels.Add(new CouncilRecordLabel(fields[0], fields[1], date, vetoed, concerns, fields[5], vetoers));
        }

        return labels;
    }

    /// <summary>
    /// Finds a record by symbol ("S/RES/2254 (2015)", spaces ignored, or a vetoed draft's symbol) or record id;
    /// null when there is none.
    /// </summary>
    public static CouncilRecordLabel? Find(string symbolOrId)
    {
        ArgumentNullException.ThrowIfNull(symbolOrId);
        string key = symbolOrId.Replace(" ", string.Empty, StringComparison.Ordinal);
        return Embedded.FirstOrDefault(l => string.Equals(l.Symbol, key, StringComparison.OrdinalIgnoreCase) || l.RecordId == key);
    }
}
