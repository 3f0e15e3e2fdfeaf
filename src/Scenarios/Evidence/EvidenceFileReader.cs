using System.Globalization;
using System.Security.Cryptography;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Csv;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Library;

namespace StemSimulator.Scenarios.Evidence;

/// <summary>
/// Reads a scenario's evidence file: a UN Digital Library voting file in any of its layouts (picked by the header, as
/// <c>stemsim calibrate</c> reads them) or the short form <c>resolution,date,ms_code,ms_vote</c>. Only the rows of the
/// roll calls a scenario names are read, so the Library's whole file can be given as it is; every unusable row among
/// them, and every row that cannot be read at all, is kept as a problem at its line (a scenario with evidence problems
/// does not run).
/// </summary>
public static class EvidenceFileReader
{
    /// <summary>Largest evidence file read, in bytes (the Library's whole Assembly file is about 100 MB).</summary>
    public const long MaxBytes = 512L << 20;

    /// <summary>The columns of the short form.</summary>
    public static IReadOnlyList<string> ShortColumns { get; } = ["resolution", "date", "ms_code", "ms_vote"];

    /// <summary>
    /// Reads <paramref name="path"/>; <paramref name="knownCodes"/> are the member codes of the reference table, and
    /// <paramref name="wanted"/> the symbols of the roll calls to read (all when null): other rows are passed over.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The header is none of the layouts, or lacks a column; the message says which.</exception>
    public static EvidenceFile Read(string path, IReadOnlyCollection<string> knownCodes, IReadOnlySet<string>? wanted = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"'{path}' does not exist", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidDataException($"'{path}' is {info.Length:N0} bytes; an evidence file may be at most {MaxBytes:N0} bytes");
        }

        string sha;
        using (var stream = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var known = knownCodes as HashSet<string> ?? new HashSet<string>(knownCodes, StringComparer.Ordinal);
        string[] header;
        using (var peek = new CsvRecordReader(path))
        {
            header = peek.Read(out _) ? peek.Fields.Select(f => f.Trim()).ToArray() : [];
        }

        if (header.Length == 0)
        {
            throw new InvalidDataException($"'{path}' is empty; expected a header such as {string.Join(",", ShortColumns)}");
        }

        if (OfficialVotingFile.Detect(header) is not null && header.Contains("undl_id", StringComparer.Ordinal))
        {
            var problems = new DataProblems();
            var symbols = new HashSet<string>(StringComparer.Ordinal);
            bool Keep(string symbol)
            {
                symbols.Add(symbol);
                return wanted is null || wanted.Contains(symbol);
            }

            var rollCalls = OfficialVotingFile.Read(path, path, known.Contains, problems, known, Keep) ?? [];
            return new EvidenceFile(path, sha, rollCalls, problems.All.Select(p => (p.Line, p.Message)).ToArray(), symbols);
        }

        return ReadShort(path, sha, header, known, wanted);
    }

    private static EvidenceFile ReadShort(string path, string sha, string[] header, HashSet<string> known, IReadOnlySet<string>? wanted)
    {
        var columns = ShortColumns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (columns.Any(c => c < 0))
        {
            string missing = string.Join(", ", ShortColumns.Where((c, k) => columns[k] < 0));
            throw new InvalidDataException($"{path}:1: column(s) {missing} missing from the header; an evidence file is a UN Digital Library voting file or has the columns {string.Join(",", ShortColumns)}");
        }

        var problems = new List<(int, string)>();
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var byKey = new Dictionary<string, (DateOnly Date, int Line, List<LibraryVote> Votes, Dictionary<string, LibraryVote> ByMember)>(StringComparer.Ordinal);
        using var reader = new CsvRecordReader(path);
        reader.Read(out _);
        while (reader.Read(out var problem))
        {
            int line = reader.RecordLine;
            var f = reader.Fields;
            if (problem is not null || f.Count != header.Length)
            {
                problems.Add((problem is null ? line : reader.ProblemLine, problem ?? $"expected {header.Length} fields, found {f.Count}"));
                continue;
            }

            string rowSymbol = f[columns[0]].Trim();
            symbols.Add(rowSymbol);
            if (wanted is not null && !wanted.Contains(rowSymbol))
            {
                continue;
            }

            if (ShortRow(f, columns, line, known, problems) is not (var symbol, var date, var dateText, var code, var choice))
            {
                continue;
            }

            if (!byKey.TryGetValue(symbol, out var rollCall))
            {
                rollCall = (date, line, [], new Dictionary<string, LibraryVote>(StringComparer.Ordinal));
                byKey[symbol] = rollCall;
                order.Add(symbol);
            }
            else if (rollCall.Date != date)
            {
                problems.Add((line, $"{symbol} is dated {rollCall.Date:yyyy-MM-dd} at line {rollCall.Line}, here {dateText}"));
                continue;
            }

            if (rollCall.ByMember.TryGetValue(code, out var first))
            {
                problems.Add((line, $"{code} is named twice on {symbol} (first at line {first.Line})"));
                continue;
            }

            var vote = new LibraryVote(code, choice, line);
            rollCall.ByMember[code] = vote;
            rollCall.Votes.Add(vote);
        }

        var rollCalls = order.Select(s => new LibraryRollCall(string.Empty, LibraryCouncil.Assembly, byKey[s].Date, s, string.Empty, path, byKey[s].Line, byKey[s].Votes)).ToArray();
        return new EvidenceFile(path, sha, rollCalls, problems, symbols);
    }

    /// <summary>One row of the short layout, checked: its symbol, date (and as written), member and vote; null after a problem.</summary>
    private static (string Symbol, DateOnly Date, string DateText, string Code, VoteChoice Choice)? ShortRow(IReadOnlyList<string> f, int[] columns, int line, HashSet<string> known, List<(int, string)> problems)
    {
        string symbol = f[columns[0]].Trim(), dateText = f[columns[1]].Trim(), code = f[columns[2]].Trim(), cell = f[columns[3]].Trim();
        if (!symbol.StartsWith("A/", StringComparison.Ordinal))
        {
            problems.Add((line, $"resolution '{symbol}' is not a General Assembly symbol (A/...)"));
            return null;
        }

        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add((line, $"date '{dateText}' is not a date (expected yyyy-MM-dd)"));
            return null;
        }

        VoteChoice? choice = cell switch
        {
            "Y" => VoteChoice.Yes,
            "N" => VoteChoice.No,
            "A" => VoteChoice.Abstain,
            "X" or "NV" => VoteChoice.Absent,
            _ => null,
        };
        if (choice is null)
        {
            problems.Add((line, $"vote '{cell}' of {code} is not Y, N, A or X"));
            return null;
        }

        if (!known.Contains(code))
        {
            problems.Add((line, $"member code '{code}' is not in the reference table{Suggestions.DidYouMean(code, known)}"));
            return null;
        }

        return (symbol, date, dateText, code, choice.Value);
    }
}
