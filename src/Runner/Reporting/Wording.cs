using System.Globalization;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Reporting;

/// <summary>Numbers as a briefing writes them: whole percentages, ranges rounded outwards, names of bodies and rules.</summary>
internal static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// An interval of a probability as whole percentages, rounded outwards so the printed range never claims more
    /// precision than the interval has: [0.7302, 0.7357] gives "73-74%", [0.731, 0.739] gives "73-74%", [0.7301, 0.7309]
    /// gives "73%" only when both ends round to the same whole number.
    /// </summary>
    public static string PercentRange(double lower, double upper)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper))
        {
            return "n/a";
        }

        int lo = (int)Math.Floor(Math.Clamp(lower, 0, 1) * 100 + 1e-9);
        int hi = (int)Math.Ceiling(Math.Clamp(upper, 0, 1) * 100 - 1e-9);
        if (hi <= 1 && lo == 0)
        {
            return "under 1%";
        }

        if (lo >= 99 && hi == 100)
        {
            return "over 99%";
        }

        return lo == hi ? $"{lo}%" : $"{lo}-{hi}%";
    }

    /// <summary>
    /// The words a headline puts on a probability of adoption, the one place they are defined (docs/outputs.md,
    /// "Briefing", lists them). Bands (p as a share): below 0.01 remote; below 0.10 very unlikely;
    /// below 0.33 unlikely; below 0.45 less likely than not; 0.45 to 0.55 about even odds; above 0.55 to 0.67 more
    /// likely than not; above 0.67 to 0.90 likely; above 0.90 to 0.99 very likely; above 0.99 almost certain.
    /// </summary>
    public static string Odds(double p) => double.IsNaN(p) ? "unknown"
        : p < 0.01 ? "remote"
        : p < 0.10 ? "very unlikely"
        : p < 0.33 ? "unlikely"
        : p < 0.45 ? "less likely than not"
        : p <= 0.55 ? "about even odds"
        : p <= 0.67 ? "more likely than not"
        : p <= 0.90 ? "likely"
        : p <= 0.99 ? "very likely"
        : "almost certain";

    /// <summary>
    /// A probability for a headline, rounded to what a reader needs: whole percentages, with one decimal below 1% and
    /// above 99% ("48%", "0.4%", "99.6%").
    /// </summary>
    public static string Headline(double p) => double.IsNaN(p) ? "n/a"
        : p < 0.01 || p > 0.99 ? string.Create(Invariant, $"{p * 100:0.0}%")
        : string.Create(Invariant, $"{Math.Round(p * 100):0}%");

    /// <summary>
    /// The band over the analog's plausible spread after a headline's probability: "between 41% and 55% depending on
    /// how far the text is from its analog", or, when both ends round alike, that the distance hardly matters.
    /// </summary>
    public static string Band(double lower, double upper)
    {
        string low = Headline(lower), high = Headline(upper);
        return low == high
            ? $"{low} however far the text is from its analog"
            : $"between {low} and {high} depending on how far the text is from its analog";
    }

    /// <summary>"in 73-74% of runs", "in under 1% of runs".</summary>
    public static string OfRuns(double lower, double upper) => $"in {PercentRange(lower, upper)} of runs";

    /// <summary>A point estimate as "about 66%" (for a share without an interval of its own).</summary>
    public static string About(double p) => double.IsNaN(p) ? "n/a"
        : p < 0.005 ? "under 1%"
        : p > 0.995 ? "over 99%"
        : string.Create(Invariant, $"about {Math.Round(p * 100):0}%");

    /// <summary>A probability as a percentage with one decimal: "73.3%".</summary>
    public static string Percent(double p) => double.IsNaN(p) ? "n/a" : string.Create(Invariant, $"{p * 100:0.0}%");

    /// <summary>A difference in percentage points with its standard error: "+23.3 points (± 0.1)".</summary>
    public static string Points(double difference, double? standardError) =>
        string.Create(Invariant, $"{difference * 100:+0.0;-0.0;0.0} points") + (standardError is { } se && !double.IsNaN(se)
            ? (se * 100 < 0.095 ? string.Create(Invariant, $" (± {se * 100:0.00})") : string.Create(Invariant, $" (± {se * 100:0.0})"))
            : string.Empty);

    /// <summary>Wilson 95% interval of a share <paramref name="p"/> of <paramref name="n"/> trials (for shares without a stored interval).</summary>
    public static (double Lower, double Upper) Wilson(double p, long n)
    {
        if (n <= 0 || double.IsNaN(p))
        {
            return (double.NaN, double.NaN);
        }

        const double z = 1.959963984540054;
        double z2n = z * z / n;
        double centre = (p + (z2n / 2)) / (1 + z2n);
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2n / (4 * n))) / (1 + z2n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The body named by its code (GA or SC, as summary.parquet writes it).</summary>
    public static string Body(string body) => body switch
    {
        "SC" => "Security Council",
        "GA" => "General Assembly",
        _ => throw new InvalidDataException($"'{body}' is not a body stemsim writes (GA or SC)"),
    };

    /// <summary>A rule named as summary.parquet writes it (a majority rule or a Council decision), for sentences.</summary>
    public static string Rule(string rule) => MajorityRules.TryParse(rule, out var majority)
        ? majority.Description()
        : CouncilDecisions.Parse(rule) switch
        {
            CouncilDecision.Substantive => "substantive decision",
            CouncilDecision.Procedural => "procedural decision",
            var decision => throw new InvalidDataException($"no wording for the Council decision {decision}"),
        };

    /// <summary>The name of a permanent member for sentences.</summary>
    public static string Permanent(string code) => code switch
    {
        "CHN" => "China",
        "FRA" => "France",
        "GBR" => "the United Kingdom",
        "RUS" => "Russia",
        "USA" => "the United States",
        _ => code,
    };

    public static string Count(long n) => n.ToString("N0", Invariant);

    /// <summary>A range of counts, "54-108", or "-" when there are no counts (a vote never held).</summary>
    public static string Range(int? lower, int? upper) => lower is not { } lo || upper is not { } hi ? "-"
        : lo == hi ? lo.ToString(Invariant) : string.Create(Invariant, $"{lo}-{hi}");

    /// <summary>A file-name-safe stem from ids: lower-case letters, digits and hyphens.</summary>
    public static string Slug(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
