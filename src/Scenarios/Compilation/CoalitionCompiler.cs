using System.Globalization;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The coalition part of a scenario: co-sponsors (who draw support from members near them) and outreach.</summary>
internal sealed class CoalitionCompiler
{
    /// <summary>Width (in units of the calibrated main dimension) over which co-sponsors draw support from others.</summary>
    private const double CosponsorReach = 0.5;

    private readonly CompilationContext _context;

    public CoalitionCompiler(CompilationContext context) => _context = context;

    public void CheckCoalition(CosponsorsDocument? cosponsors, OutreachDocument? outreach, DateOnly date)
    {
        var catalog = _context.Catalog;
        if (cosponsors is not null)
        {
            _context.CheckRange(cosponsors, "effect", cosponsors.Effect, -5, 5, "a co-sponsorship effect");
            _context.CheckCodes(cosponsors.Members, date);
            for (int i = 0; i < (cosponsors.Blocs?.Length ?? 0); i++)
            {
                string bloc = cosponsors.Blocs![i];
                if (!catalog.Blocs.ContainsKey(bloc))
                {
                    _context.Error(cosponsors.Blocs, i.ToString(CultureInfo.InvariantCulture), $"unknown bloc '{bloc}'{Suggestions.DidYouMean(bloc, catalog.Blocs.Keys)}");
                }
            }

            if ((cosponsors.Blocs?.Length ?? 0) + (cosponsors.Members?.Length ?? 0) == 0)
            {
                _context.Error(cosponsors, "effect", "name the co-sponsors under 'blocs' or 'members'");
            }
        }

        if (outreach is not null)
        {
            _context.CheckRange(outreach, "effect", outreach.Effect, -5, 5, "an outreach effect");
            _context.CheckCodes(outreach.Members, date);
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

    /// <summary>The outreach shift of one member: the effect for the members reached, else 0.</summary>
    public static double Outreach(OutreachDocument? outreach, string code) =>
        outreach is not null && outreach.Members.Contains(code) ? outreach.Effect : 0;

    private HashSet<string> Sponsors(CosponsorsDocument cosponsors, DateOnly date)
    {
        var sponsors = new HashSet<string>(cosponsors.Members ?? [], StringComparer.Ordinal);
        foreach (var bloc in cosponsors.Blocs ?? [])
        {
            if (_context.Catalog.Blocs.TryGetValue(bloc, out var members))
            {
                sponsors.UnionWith(members.MembersOn(date));
            }
        }

        return sponsors;
    }
}
