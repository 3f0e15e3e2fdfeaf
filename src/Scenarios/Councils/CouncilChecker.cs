using System.Globalization;
using System.Text.RegularExpressions;
using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Councils;

/// <summary>
/// Checks a bound council document and turns it into a <see cref="CouncilDefinition"/>: names, seat classes and their
/// holders, the quota and the veto rule, each problem reported at its line. One checker per document.
/// </summary>
internal sealed partial class CouncilChecker(SourceMap map, List<ScenarioDiagnostic> diagnostics)
{
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);

    // Member codes are not case-sensitive (ALB and alb are one member), as everywhere else in stemsim.
    private readonly Dictionary<string, string> _labels = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The council the document describes, or null when it has problems (added to the diagnostics).</summary>
    public CouncilDefinition? Check(CouncilDocument document)
    {
        if (!NamePattern().IsMatch(document.Council))
        {
            Error(document, "council", $"the council name '{document.Council}' may hold only lower-case letters, digits and hyphens (at most 64), e.g. 'g4-quota-15'");
        }

        if (document.Seats.Length == 0)
        {
            Error(document, "seats", "a council needs at least one seat class, e.g. '- { type: elected, count: 15 }'");
            return null;
        }

        var (classes, members) = SeatClasses(document);
        if (members > CouncilDefinition.MaxMembers)
        {
            Error(document, "seats", string.Create(CultureInfo.InvariantCulture, $"the council has {members:N0} members; at most {CouncilDefinition.MaxMembers:N0} are supported"));
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        CheckDecisionRule(document, classes);
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

    /// <summary>The valid seat classes and the number of members of all classes with labels (problems added to the diagnostics).</summary>
    private (List<SeatClass> Classes, long Members) SeatClasses(CouncilDocument document)
    {
        var classes = new List<SeatClass>();
        long members = 0;
        for (int index = 0; index < document.Seats.Length; index++)
        {
            if (document.Seats[index] is not { } seat)
            {
                Error(document.Seats, Index(index), "a seat class is empty; write e.g. '{ type: elected, count: 10 }'");
                continue;
            }

            bool valid = CheckTypeAndWeight(seat);
            if (SeatLabels(seat, ref valid) is not { } labels)
            {
                continue;
            }

            members += labels.Length;
            if (valid)
            {
                classes.Add(new SeatClass(seat.Type, labels, seat.Weight ?? 1, seat.Veto ?? false));
            }
        }

        return (classes, members);
    }

    /// <summary>The seat type (well-formed, not used twice) and the weight (1 to <see cref="CouncilLoader.MaxWeight"/>).</summary>
    private bool CheckTypeAndWeight(SeatClassDocument seat)
    {
        bool valid = true;
        if (!TypePattern().IsMatch(seat.Type))
        {
            Error(seat, "type", $"the seat type '{seat.Type}' may hold only lower-case letters, digits, '_' and '-', e.g. 'new_permanent'");
            valid = false;
        }
        else if (!_types.Add(seat.Type))
        {
            Error(seat, "type", $"seat type '{seat.Type}' appears twice; give each class its own type");
            valid = false;
        }

        int weight = seat.Weight ?? 1;
        if (weight is < 1 or > CouncilLoader.MaxWeight)
        {
            Error(seat, "weight", string.Create(CultureInfo.InvariantCulture, $"a seat's weight must be between 1 and {CouncilLoader.MaxWeight:N0}, not {weight}"));
            valid = false;
        }

        return valid;
    }

    /// <summary>
    /// The labels of a seat class's holders: its named members, or <c>type-1</c> to <c>type-count</c> for unnamed seats;
    /// null when the class cannot be read at all. Clashing or empty labels clear <paramref name="valid"/>.
    /// </summary>
    private string[]? SeatLabels(SeatClassDocument seat, ref bool valid)
    {
        switch (seat)
        {
            case { Members: not null, Count: not null }:
                Error(seat, "count", "give either 'members' (the seat holders' labels) or 'count' (unnamed seats), not both");
                return null;
            case { Members: { Length: 0 } }:
                Error(seat, "members", "'members' is empty; list at least one seat holder, e.g. [CHN, FRA]");
                return null;
            case { Members: { } named }:
                valid &= AddNamed(seat, named);
                return named;
            case { Count: < 1 or > CouncilDefinition.MaxMembers }:
                Error(seat, "count", string.Create(CultureInfo.InvariantCulture, $"'count' must be between 1 and {CouncilDefinition.MaxMembers}, not {seat.Count}"));
                return null;
            case { Count: { } count }:
                var unnamed = Enumerable.Range(1, count).Select(k => string.Create(CultureInfo.InvariantCulture, $"{seat.Type}-{k}")).ToArray();
                if (unnamed.FirstOrDefault(l => !_labels.TryAdd(l, l)) is { } clash)
                {
                    Error(seat, "count", $"the unnamed seat '{clash}' clashes with a member of that name; name the seats with 'members'");
                    valid = false;
                }

                return unnamed;
            default:
                Error(seat, string.Empty, $"seat class '{seat.Type}' needs 'members' (a list of labels) or 'count' (a number of unnamed seats)");
                return null;
        }
    }

    /// <summary>Registers named seat holders; false when one is empty or already seated (codes are not case-sensitive).</summary>
    private bool AddNamed(SeatClassDocument seat, string[] named)
    {
        bool valid = true;
        for (int i = 0; i < named.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(named[i]))
            {
                Error(seat.Members!, Index(i), "a member label must not be empty");
                valid = false;
            }
            else if (!_labels.TryAdd(named[i], named[i]))
            {
                string first = _labels[named[i]];
                string spelling = string.Equals(first, named[i], StringComparison.Ordinal) ? string.Empty : $" (as '{first}' too: member codes are not case-sensitive)";
                Error(seat.Members!, Index(i), $"member '{named[i]}' appears more than once in the council{spelling}");
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>The quota (1 to the seats' total weight) and <c>veto_blocking</c> (1 to the number of veto holders).</summary>
    private void CheckDecisionRule(CouncilDocument document, List<SeatClass> classes)
    {
        long totalWeight = classes.Sum(c => (long)c.Count * c.Weight);
        if (document.Quota < 1 || document.Quota > totalWeight)
        {
            Error(document, "quota", string.Create(CultureInfo.InvariantCulture,
                $"the quota must be between 1 and the total weight of the seats ({totalWeight:N0}), not {document.Quota}; a decision needs this weight of yes votes"));
        }

        int vetoHolders = classes.Where(c => c.Veto).Sum(c => c.Count);
        if (document.VetoBlocking is not { } blocking)
        {
            return;
        }

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

    private void Error(object owner, string key, string message) => diagnostics.Add(new ScenarioDiagnostic(map.Locate(owner, key), message));

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex TypePattern();
}
