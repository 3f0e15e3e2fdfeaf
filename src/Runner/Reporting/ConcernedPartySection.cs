using System.Globalization;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Reporting;

/// <summary>
/// The briefing's section for votes that name <c>concerns</c> (concerned_party.parquet): per baseline vote, the party
/// concerned, its P(vote) with and without the concerned-party effect, and the members the effect moved most (in the
/// Assembly its partners' and far members' shift by closeness; in the Council the permanent members' vetoes from the
/// Council record model). Probabilities "with" and "without" are before shocks, as the table gives them; the
/// simulated ones (with shocks) come from member_probabilities.parquet.
/// </summary>
internal static class ConcernedPartySection
{
    /// <summary>Members listed per Assembly vote: the largest rises of P(yes), then the largest falls.</summary>
    private const int ListedRises = 5;

    private const int ListedFalls = 3;

    /// <summary>At most this many votes are described.</summary>
    private const int DescribedVotes = 6;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every state's name (a concerned state need not sit in the body voting).</summary>
    private static readonly Lazy<Dictionary<string, string>> StateNames = new(() =>
        ReferenceCatalog.Embedded.States.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal));

    public static BriefingSection? Build(RunData run)
    {
        var blocks = new List<BriefingBlock>();
        var members = run.Members.Where(m => m.Variant == run.Baseline).ToLookup(m => m.VoteId, StringComparer.Ordinal);
        foreach (var vote in run.ConcernedParty.Where(r => r.Variant == run.Baseline).GroupBy(r => r.VoteId, StringComparer.Ordinal).Take(DescribedVotes))
        {
            var rows = vote.ToArray();
            var simulated = members[vote.Key].ToDictionary(m => m.Member, StringComparer.Ordinal);
            string concerns = string.Join(", ", rows[0].Concerns.Split('+').Select(c => $"{StateNames.Value.GetValueOrDefault(c, c)} ({c})"));
            blocks.AddRange(rows[0].Body == "SC" ? Council(vote.Key, concerns, rows, simulated) : Assembly(vote.Key, concerns, rows, simulated));
            if (rows[0].Body == "SC" && rows.All(r => r.Effect != "council_record")
                && run.ConcernedParty.Where(r => r.VoteId == vote.Key && r.Effect == "council_record").GroupBy(r => r.Variant, StringComparer.Ordinal).FirstOrDefault() is { } whatIf)
            {
                var variantMembers = run.Members.Where(m => m.Variant == whatIf.Key && m.VoteId == vote.Key).ToDictionary(m => m.Member, StringComparer.Ordinal);
                blocks.Add(new Paragraph($"The what-if **{whatIf.Key}** takes the permanent members' P(veto) from the Council record model instead:"));
                blocks.Add(RecordTable([.. whatIf], variantMembers));
            }
        }

        return blocks.Count == 0 ? null : new BriefingSection("The party concerned", blocks);
    }

    private static IEnumerable<BriefingBlock> Assembly(string voteId, string concerns, ConcernedRow[] rows, Dictionary<string, MemberRow> simulated)
    {
        var own = rows.Where(r => r.Concerned).ToArray();
        var ownText = own.Select(r => r.Effect == "own_vote"
            ? string.Create(Invariant, $"{Label(simulated, r.Member)} votes no with P {P(r.With.No)} before shocks ({P(r.Without.No)} from its position alone){Simulated(simulated, r.Member)}")
            : string.Create(Invariant, $"{Label(simulated, r.Member)} keeps the vote the scenario gives it (P(no) {P(r.With.No)})"));
        var shifted = rows.Where(r => r.Effect == "closeness_shift").ToArray();
        yield return new Paragraph(string.Create(Invariant,
            $"**{voteId}** concerns {concerns}. {string.Join("; ", ownText)}{(own.Length == 0 ? "The concerned state has no vote in this body" : string.Empty)}. ")
            + (shifted.Length == 0
                ? "No other member's lean changes."
                : string.Create(Invariant,
                    $"Every other member's support shifts by its position distance to {rows[0].Concerns.Split('+')[0]} (docs/concerned-party.md): members close to it towards yes, distant ones towards no. Over the {shifted.Length} members shifted, P(yes) rises for {shifted.Count(r => r.With.Yes > r.Without.Yes)} and falls for {shifted.Count(r => r.With.Yes < r.Without.Yes)}; mean change of P(yes) {Signed(shifted.Average(r => r.With.Yes - r.Without.Yes))}, of P(no) {Signed(shifted.Average(r => r.With.No - r.Without.No))}. The largest rises and falls of P(yes):")));
        if (shifted.Length > 0)
        {
            yield return new BriefingTable(
                ["member", "shift", "P(yes) without", "P(yes) with", "P(no) without", "P(no) with", "simulated P(yes)", "simulated P(no)"],
                shifted.Where(r => r.With.Yes > r.Without.Yes).OrderByDescending(r => r.With.Yes - r.Without.Yes).ThenBy(r => r.Member, StringComparer.Ordinal).Take(ListedRises)
                    .Concat(shifted.Where(r => r.With.Yes < r.Without.Yes).OrderBy(r => r.With.Yes - r.Without.Yes).ThenBy(r => r.Member, StringComparer.Ordinal).Take(ListedFalls))
                    .Select(r => (IReadOnlyList<string>)[Label(simulated, r.Member), Signed(r.Shift ?? 0), P(r.Without.Yes), P(r.With.Yes), P(r.Without.No), P(r.With.No), SimulatedP(simulated, r.Member, yes: true), SimulatedP(simulated, r.Member, yes: false)])
                    .ToArray(),
                [false, true, true, true, true, true, true, true]);
        }
    }

    private static IEnumerable<BriefingBlock> Council(string voteId, string concerns, ConcernedRow[] rows, Dictionary<string, MemberRow> simulated)
    {
        var record = rows.Where(r => r.Effect == "council_record").ToArray();
        if (record.Length == 0)
        {
            yield return new Paragraph($"**{voteId}** concerns {concerns}. The permanent members keep the Assembly-position model on this draft (`council_model: assembly`, or their votes are set in the scenario), so naming the party concerned changes no vote here.");
            yield break;
        }

        yield return new Paragraph(string.Create(Invariant,
            $"**{voteId}** concerns {concerns}. Each permanent member's P(no), a veto, comes from the Council record model: its rate of vetoes on drafts concerning itself, a state its past vetoes protected, or others, fitted on the Council's record up to the year before the vote (docs/council-model.md). Against the Assembly-position model:"));
        yield return RecordTable(record, simulated);
    }

    private static BriefingTable RecordTable(IReadOnlyList<ConcernedRow> record, Dictionary<string, MemberRow> simulated) => new(
        ["member", "P(veto) Assembly positions", "P(veto) record model", "simulated P(veto)"],
        record.Select(r => (IReadOnlyList<string>)[Label(simulated, r.Member), P(r.Without.No), P(r.With.No), SimulatedP(simulated, r.Member, yes: false)]).ToArray(),
        [false, true, true, true]);

    private static string Label(Dictionary<string, MemberRow> simulated, string code) =>
        simulated.TryGetValue(code, out var m) && m.Name != code ? $"{m.Name} ({code})"
        : StateNames.Value.TryGetValue(code, out var name) ? $"{name} ({code})"
        : code;

    private static string Simulated(Dictionary<string, MemberRow> simulated, string code) =>
        simulated.TryGetValue(code, out var m) ? string.Create(Invariant, $"; simulated with shocks: yes {P(m.PYes)}, abstain {P(m.PAbstain)}, no {P(m.PNo)}") : string.Empty;

    private static string SimulatedP(Dictionary<string, MemberRow> simulated, string code, bool yes) =>
        simulated.TryGetValue(code, out var m) ? P(yes ? m.PYes : m.PNo) : "-";

    private static string P(double p) => p.ToString("0.000", Invariant);

    private static string Signed(double x) => x.ToString("+0.000;-0.000;0.000", Invariant);
}
