using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The coalition part of a scenario: co-sponsors (who draw support from members near them) and outreach.</summary>
internal sealed class CoalitionCompiler
{
    /// <summary>Width (in units of the calibrated main dimension) over which co-sponsors draw support from others.</summary>
    private const double CosponsorReach = 0.5;

    private readonly CompilationContext _context;
    private readonly Dictionary<(object Owner, DateOnly Date), HashSet<string>> _resolved = [];

    public CoalitionCompiler(CompilationContext context) => _context = context;

    public void CheckCoalition(CosponsorsDocument? cosponsors, OutreachDocument? outreach, DateOnly date)
    {
        var sets = _context.MemberSets;
        if (cosponsors is not null)
        {
            _context.CheckRange(cosponsors, "effect", cosponsors.Effect, -5, 5, "a co-sponsorship effect");
            _context.CheckCodes(cosponsors.Members, date);
            sets.CheckGroups(cosponsors.Blocs, cosponsors.Except, cosponsors, date);
            if ((cosponsors.Blocs?.Length ?? 0) + (cosponsors.Members?.Length ?? 0) == 0)
            {
                _context.Error(cosponsors, "effect", "name the co-sponsors under 'blocs' or 'members'");
            }
        }

        if (outreach is not null)
        {
            _context.CheckRange(outreach, "effect", outreach.Effect, -5, 5, "an outreach effect");
            _context.CheckCodes(outreach.Members, date);
            sets.CheckGroups(outreach.Blocs, outreach.Except, outreach, date);
            if ((outreach.Blocs?.Length ?? 0) + (outreach.Members?.Length ?? 0) == 0)
            {
                _context.Error(outreach, "effect", "name the members reached under 'blocs' or 'members'");
            }
        }
    }

    /// <summary>
    /// The co-sponsorship shift of one member: the full effect for a sponsor, else the effect times
    /// exp(-(theta - mean sponsor theta)^2 / (2 reach^2)).
    /// </summary>
    public double Cosponsorship(CosponsorsDocument? cosponsors, string code, DateOnly date)
    {
        if (cosponsors is null)
        {
            return 0;
        }

        var sponsors = Sponsors(cosponsors, date);
        if (sponsors.Contains(code))
        {
            return cosponsors.Effect;
        }

        var calibration = _context.Catalog.Calibration;
        int year = _context.CalibrationYear;
        var thetas = sponsors.Select(s => calibration.Find(s, year)?.Theta).OfType<double>().ToArray();
        if (thetas.Length == 0 || calibration.Find(code, year) is not { } position)
        {
            return 0;
        }

        double distance = position.Theta - thetas.Average();
        return cosponsors.Effect * Math.Exp(-(distance * distance) / (2 * CosponsorReach * CosponsorReach));
    }

    /// <summary>The outreach shift of one member: the effect for the members reached on the date, else 0.</summary>
    public double Outreach(OutreachDocument? outreach, string code, DateOnly date) =>
        outreach is not null && Resolve(outreach, outreach.Members, outreach.Blocs, outreach.Except, date).Contains(code) ? outreach.Effect : 0;

    private HashSet<string> Sponsors(CosponsorsDocument cosponsors, DateOnly date) =>
        Resolve(cosponsors, cosponsors.Members, cosponsors.Blocs, cosponsors.Except, date);

    /// <summary>The members a co-sponsorship or outreach names on the date, resolved once per document and date.</summary>
    private HashSet<string> Resolve(object owner, string[]? members, string[]? blocs, string[]? except, DateOnly date)
    {
        if (!_resolved.TryGetValue((owner, date), out var set))
        {
            var groups = _context.MemberSets.Groups;
            set = new HashSet<string>(groups.Resolve(members, blocs?.Where(b => groups.Canonical(b) is not null), except, date), StringComparer.Ordinal);
            _resolved[(owner, date)] = set;
        }

        return set;
    }
}
