using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StemSimulator.Scenarios.Councils;

/// <summary>
/// Reads a custom council file (<see cref="CouncilDocument"/>) and checks it, reporting every problem at once with
/// file, line and column, like a scenario.
/// </summary>
public static partial class CouncilLoader
{
    /// <summary>Largest council file accepted, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Largest weight of one seat.</summary>
    public const int MaxWeight = 1_000_000;

    /// <summary>Loads the council file at <paramref name="path"/>; never throws for problems in the file.</summary>
    public static CouncilLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Files.FileKinds.Of(path) == Files.FileKind.Missing)
        {
            return Failed(path, string.Empty, "the council file does not exist");
        }

        var (bytes, problem) = Files.InputFiles.Read(path, MaxFileBytes, "a council file");
        return bytes is null ? Failed(path, string.Empty, problem!) : Load(path, bytes);
    }

    /// <summary>Loads a council from its bytes; <paramref name="file"/> names it in messages.</summary>
    public static CouncilLoadResult Load(string file, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length > MaxFileBytes)
        {
            return Failed(file, hash, $"the file is {bytes.Length:N0} bytes; a council file may be at most {MaxFileBytes:N0} bytes");
        }

        var (text, notText) = Files.TextDecoding.DecodeUtf8(bytes);
        if (text is null)
        {
            return Failed(file, hash, notText!);
        }

        var (root, problem) = YamlDocumentReader.Read(file, text, "council file", "council");
        if (root is null)
        {
            return new CouncilLoadResult(file, hash, null, [problem!]);
        }

        var diagnostics = new List<ScenarioDiagnostic>();
        var map = new SourceMap(file);
        var document = new YamlBinder(file, diagnostics, map).Bind(root, typeof(CouncilDocument)) as CouncilDocument;
        CouncilDefinition? council = null;
        if (document is not null && diagnostics.Count == 0)
        {
            council = Check(document, map, diagnostics);
        }

        var sorted = diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new CouncilLoadResult(file, hash, sorted.Count == 0 ? council : null, sorted);
    }

    private static CouncilDefinition? Check(CouncilDocument document, SourceMap map, List<ScenarioDiagnostic> diagnostics)
    {
        void Error(object owner, string key, string message) => diagnostics.Add(new ScenarioDiagnostic(map.Locate(owner, key), message));

        if (!NamePattern().IsMatch(document.Council))
        {
            Error(document, "council", $"the council name '{document.Council}' may hold only lower-case letters, digits and hyphens (at most 64), e.g. 'g4-quota-15'");
        }

        if (document.Seats.Length == 0)
        {
            Error(document, "seats", "a council needs at least one seat class, e.g. '- { type: elected, count: 15 }'");
            return null;
        }

        var classes = new List<SeatClass>();
        var types = new HashSet<string>(StringComparer.Ordinal);
        // Member codes are not case-sensitive (ALB and alb are one member), as everywhere else in stemsim.
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        long members = 0;
        for (int index = 0; index < document.Seats.Length; index++)
        {
            var seat = document.Seats[index];
            if (seat is null)
            {
                Error(document.Seats, index.ToString(CultureInfo.InvariantCulture), "a seat class is empty; write e.g. '{ type: elected, count: 10 }'");
                continue;
            }

            bool valid = true;
            if (!TypePattern().IsMatch(seat.Type))
            {
                Error(seat, "type", $"the seat type '{seat.Type}' may hold only lower-case letters, digits, '_' and '-', e.g. 'new_permanent'");
                valid = false;
            }
            else if (!types.Add(seat.Type))
            {
                Error(seat, "type", $"seat type '{seat.Type}' appears twice; give each class its own type");
                valid = false;
            }

            int weight = seat.Weight ?? 1;
            if (weight is < 1 or > MaxWeight)
            {
                Error(seat, "weight", string.Create(CultureInfo.InvariantCulture, $"a seat's weight must be between 1 and {MaxWeight:N0}, not {weight}"));
                valid = false;
            }

            string[] seatLabels;
            if (seat.Members is not null && seat.Count is not null)
            {
                Error(seat, "count", "give either 'members' (the seat holders' labels) or 'count' (unnamed seats), not both");
                continue;
            }
            else if (seat.Members is not null)
            {
                if (seat.Members.Length == 0)
                {
                    Error(seat, "members", "'members' is empty; list at least one seat holder, e.g. [CHN, FRA]");
                    continue;
                }

                seatLabels = seat.Members;
                for (int i = 0; i < seatLabels.Length; i++)
                {
                    if (string.IsNullOrWhiteSpace(seatLabels[i]))
                    {
                        Error(seat.Members, i.ToString(CultureInfo.InvariantCulture), "a member label must not be empty");
                        valid = false;
                    }
                    else if (!labels.TryAdd(seatLabels[i], seatLabels[i]))
                    {
                        string first = labels[seatLabels[i]];
                        string spelling = string.Equals(first, seatLabels[i], StringComparison.Ordinal) ? string.Empty : $" (as '{first}' too: member codes are not case-sensitive)";
                        Error(seat.Members, i.ToString(CultureInfo.InvariantCulture), $"member '{seatLabels[i]}' appears more than once in the council{spelling}");
                        valid = false;
                    }
                }
            }
            else if (seat.Count is { } count)
            {
                if (count < 1 || count > CouncilDefinition.MaxMembers)
                {
                    Error(seat, "count", string.Create(CultureInfo.InvariantCulture, $"'count' must be between 1 and {CouncilDefinition.MaxMembers}, not {count}"));
                    continue;
                }

                seatLabels = Enumerable.Range(1, count).Select(k => string.Create(CultureInfo.InvariantCulture, $"{seat.Type}-{k}")).ToArray();
                var clash = seatLabels.FirstOrDefault(l => !labels.TryAdd(l, l));
                if (clash is not null)
                {
                    Error(seat, "count", $"the unnamed seat '{clash}' clashes with a member of that name; name the seats with 'members'");
                    valid = false;
                }
            }
            else
            {
                Error(seat, string.Empty, $"seat class '{seat.Type}' needs 'members' (a list of labels) or 'count' (a number of unnamed seats)");
                continue;
            }

            members += seatLabels.Length;
            if (valid)
            {
                classes.Add(new SeatClass(seat.Type, seatLabels, weight, seat.Veto ?? false));
            }
        }

        if (members > CouncilDefinition.MaxMembers)
        {
            Error(document, "seats", string.Create(CultureInfo.InvariantCulture, $"the council has {members:N0} members; at most {CouncilDefinition.MaxMembers:N0} are supported"));
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        long totalWeight = classes.Sum(c => (long)c.Count * c.Weight);
        if (document.Quota < 1 || document.Quota > totalWeight)
        {
            Error(document, "quota", string.Create(CultureInfo.InvariantCulture,
                $"the quota must be between 1 and the total weight of the seats ({totalWeight:N0}), not {document.Quota}; a decision needs this weight of yes votes"));
        }

        int vetoHolders = classes.Where(c => c.Veto).Sum(c => c.Count);
        if (document.VetoBlocking is { } blocking)
        {
            if (vetoHolders == 0)
            {
                Error(document, "veto_blocking", "'veto_blocking' needs veto holders; mark a seat class with 'veto: true' or remove 'veto_blocking'");
            }
            else if (blocking < 1 || blocking > vetoHolders)
            {
                Error(document, "veto_blocking", string.Create(CultureInfo.InvariantCulture,
                    $"'veto_blocking' must be between 1 (each veto holder blocks alone) and {vetoHolders} (all veto holders together), not {blocking}"));
            }
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        var council = new CouncilDefinition(document.Council, document.Description?.Trim() ?? string.Empty, classes, document.Quota, document.VetoBlocking ?? 1);
        if (VotingPower.SizeProblem(council) is { } problem)
        {
            Error(document, "seats", problem);
            return null;
        }

        return council;
    }

    private static CouncilLoadResult Failed(string file, string hash, string message) =>
        new(file, hash, null, [new ScenarioDiagnostic(new SourceLocation(file, 1, 1), message)]);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex TypePattern();
}
