using StemSimulator.Engine.Power;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Councils;

/// <summary>
/// The built-in council models for <c>stemsim power</c>: today's Security Council and the main reform and
/// veto-restraint proposals, each on the 2026 membership (the five permanent members and the ten elected members of
/// <see cref="Year"/>); seats a reform would add are named by the region the proposal gives them, e.g.
/// <c>new-permanent-africa-1</c>.
/// </summary>
/// <remarks>
/// Quotas follow the 2005 draft resolutions each model is named after (A/59/L.64, A/59/L.67, A/59/L.68); later
/// versions of the proposals in the intergovernmental negotiations vary. A custom council file (see
/// <see cref="CouncilLoader"/>) takes any other size, quota or veto rule.
/// </remarks>
public static class CouncilCatalog
{
    /// <summary>The year whose elected Council members fill the elected seats of every model.</summary>
    public const int Year = 2026;

    private const string Permanent = "permanent";
    private const string NewPermanent = "new_permanent";
    private const string Elected = "elected";

    private static readonly Lazy<CouncilDefinition[]> LazyAll = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All built-in models, in the order they are reported: current, g4, au-ezulwini, ufc, veto-two-to-block, veto-restraint.</summary>
    public static IReadOnlyList<CouncilDefinition> All => LazyAll.Value;

    /// <summary>The names <c>--council</c> accepts for built-in models.</summary>
    public static IReadOnlyList<string> Names => All.Select(c => c.Name).ToArray();

    /// <summary>The built-in model called <paramref name="name"/> (exact, case-sensitive), or <see langword="null"/>.</summary>
    public static CouncilDefinition? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static CouncilDefinition[] Build()
    {
        var permanent = ReferenceCatalog.PermanentMembers;
        var elected = ReferenceCatalog.Embedded.ElectedCouncilMembers(Year);
        var p5 = new SeatClass(Permanent, permanent, veto: true);
        var electedNow = new SeatClass(Elected, elected);

        return
        [
            new CouncilDefinition(
                "current",
                $"The Security Council under Charter Art. 27(3), {Year} composition: 15 members; all five permanent members and at least 9 votes.",
                [p5, electedNow],
                quota: 9),
            .. Reforms(permanent, elected, p5),
            new CouncilDefinition(
                "veto-two-to-block",
                $"Veto restraint: the {Year} Council where one permanent member's no does not block; a draft fails only if two or more permanent members oppose it; 9 of 15 votes.",
                [p5, electedNow],
                quota: 9,
                vetoBlocking: 2),
            new CouncilDefinition(
                "veto-restraint",
                $"Veto restraint in mass-atrocity situations (the French-Mexican initiative of 2015): the permanent members refrain from the veto, leaving a qualified majority of 9 of 15 votes; {Year} composition.",
                [new SeatClass(Permanent, permanent), electedNow],
                quota: 9),
        ];
    }

    /// <summary>The reform models of 2005 (G4, African Union, Uniting for Consensus) on today's permanent and elected members.</summary>
    private static CouncilDefinition[] Reforms(IReadOnlyList<string> permanent, IReadOnlyList<string> elected, SeatClass p5)
    {
        string[] newPermanentSeats =
        [
            "new-permanent-africa-1", "new-permanent-africa-2", "new-permanent-asia-pacific-1", "new-permanent-asia-pacific-2",
            "new-permanent-latin-america-caribbean", "new-permanent-weog",
        ];

        return
        [
            new CouncilDefinition(
                "g4",
                "G4-style reform after draft resolution A/59/L.64 (2005): 25 members; six new permanent seats without the veto (two African, two Asia-Pacific, one Latin American and Caribbean, one Western European and other) and four more elected seats (Africa, Asia-Pacific, Eastern Europe, Latin America and Caribbean); 14 of 25 votes and no veto of the five.",
                [
                    p5,
                    new SeatClass(NewPermanent, newPermanentSeats),
                    new SeatClass(Elected, [.. elected, "new-elected-africa", "new-elected-asia-pacific", "new-elected-eastern-europe", "new-elected-latin-america-caribbean"]),
                ],
                quota: 14),
            new CouncilDefinition(
                "au-ezulwini",
                "African Union (Ezulwini Consensus) reform after draft resolution A/59/L.67 (2005): 26 members; six new permanent seats with the veto (two of them African, the Ezulwini demand) and five more elected seats (two African); 15 of 26 votes and no veto of the eleven.",
                [
                    new SeatClass(Permanent, permanent, veto: true),
                    new SeatClass(NewPermanent, newPermanentSeats, veto: true),
                    new SeatClass(Elected, [.. elected, "new-elected-africa-1", "new-elected-africa-2", "new-elected-asia-pacific", "new-elected-eastern-europe", "new-elected-latin-america-caribbean"]),
                ],
                quota: 15),
            new CouncilDefinition(
                "ufc",
                "Uniting-for-Consensus reform after draft resolution A/59/L.68 (2005): 25 members; no new permanent seats, ten more elected seats (three African, three Asia-Pacific, two Latin American and Caribbean, one Eastern European, one Western European and other), all renewable; 15 of 25 votes and no veto of the five. Every elected seat has the same power in the voting game; the proposals differ in tenure, i.e. in who holds the seats and for how long.",
                [
                    p5,
                    new SeatClass(Elected,
                    [
                        .. elected, "new-elected-africa-1", "new-elected-africa-2", "new-elected-africa-3", "new-elected-asia-pacific-1",
                        "new-elected-asia-pacific-2", "new-elected-asia-pacific-3", "new-elected-latin-america-caribbean-1",
                        "new-elected-latin-america-caribbean-2", "new-elected-eastern-europe", "new-elected-weog",
                    ]),
                ],
                quota: 15),
        ];
    }
}
