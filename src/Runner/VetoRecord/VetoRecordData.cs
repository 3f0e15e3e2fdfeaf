using System.Globalization;
using StemSimulator.Engine.VetoRecord;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Runner.VetoRecord;

/// <summary>
/// Reads the two shared files the veto record needs: <c>unsc_vetoes/unsc_vetoes_1946_sept2022.csv</c> and the General
/// Assembly rows of <c>undl_2021/resolutions_1946_2021.csv</c>. Unusable rows are skipped and counted in
/// <see cref="Problems"/> rather than failing the whole record.
/// </summary>
internal sealed record VetoRecordData(IReadOnlyList<VetoCast> Vetoes, IReadOnlyList<AssemblyVote> Votes, IReadOnlyList<string> Problems)
{
    public const string VetoFile = "unsc_vetoes/unsc_vetoes_1946_sept2022.csv";
    public const string ResolutionFile = "undl_2021/resolutions_1946_2021.csv";

    /// <summary>The vetoing members as the veto list names them.</summary>
    public static readonly IReadOnlyList<string> PermanentMembers = ["China", "France", "Russia", "UK", "USA", "USSR"];

    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file lacks a required column.</exception>
    public static VetoRecordData Load(string dataDirectory)
    {
        var problems = new List<string>();
        var vetoes = new List<VetoCast>();
        foreach (var (line, row) in Rows(Path.Combine(dataDirectory, VetoFile), ["date", "draft", "agenda_item", "crisis_topic", "member_veto1", "member_veto2", "member_veto3"], problems))
        {
            if (!DateOnly.TryParseExact(row["date"], "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"{VetoFile}:{line}: date '{row["date"]}' is not M/D/YYYY");
                continue;
            }

            var members = new[] { row["member_veto1"], row["member_veto2"], row["member_veto3"] }.Where(m => m.Length > 0).ToArray();
            if (members.Length == 0)
            {
                problems.Add($"{VetoFile}:{line}: no vetoing member (member_veto1-3 are empty)");
                continue;
            }

            if (members.FirstOrDefault(m => !PermanentMembers.Contains(m)) is { } unknown)
            {
                problems.Add($"{VetoFile}:{line}: unknown permanent member '{unknown}'; expected one of {string.Join(", ", PermanentMembers)}");
                continue;
            }

            vetoes.Add(new VetoCast(date, row["draft"], row["agenda_item"], row["crisis_topic"], members));
        }

        var votes = new List<AssemblyVote>();
        var seen = new HashSet<(string, DateOnly)>();
        foreach (var (line, row) in Rows(Path.Combine(dataDirectory, ResolutionFile), ["council", "date", "resolution", "title", "yes_count", "no_count", "abstain_count"], problems))
        {
            if (row["council"] != "GA")
            {
                continue;
            }

            if (!DateOnly.TryParseExact(row["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !int.TryParse(row["yes_count"], NumberStyles.None, CultureInfo.InvariantCulture, out int yes)
                || !int.TryParse(row["no_count"], NumberStyles.None, CultureInfo.InvariantCulture, out int no)
                || !int.TryParse(row["abstain_count"], NumberStyles.None, CultureInfo.InvariantCulture, out int abstain))
            {
                problems.Add($"{ResolutionFile}:{line}: {row["resolution"]} has an unusable date or count ('{row["date"]}')");
                continue;
            }

            // The library catalogues a few votes twice (two record ids): one vote, counted once.
            if (!seen.Add((row["resolution"], date)))
            {
                problems.Add($"{ResolutionFile}:{line}: duplicate of an earlier record: {row["resolution"]} on {row["date"]}");
                continue;
            }

            votes.Add(new AssemblyVote(row["resolution"], date, row["title"], yes, no, abstain));
        }

        return new VetoRecordData(vetoes, votes, problems);
    }

    private static IEnumerable<(int Line, Dictionary<string, string> Row)> Rows(string path, string[] required, List<string> problems)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist (expected the shared UN data folder, ../shared/data/un).", path);
        }

        using var reader = new CsvRecordReader(path);
        if (!reader.Read(out var headerProblem))
        {
            throw new InvalidDataException($"{path}: empty file{(headerProblem is null ? string.Empty : ": " + headerProblem)}.");
        }

        var header = reader.Fields.ToArray();
        var missing = required.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{path}: missing column(s) {string.Join(", ", missing)}.");
        }

        while (reader.Read(out var problem))
        {
            if (problem is not null || reader.Fields.Count != header.Length)
            {
                problems.Add($"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}:{reader.RecordLine}: {problem ?? $"{reader.Fields.Count} fields, expected {header.Length}"}");
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = reader.Fields[i];
            }

            yield return (reader.RecordLine, row);
        }
    }
}
