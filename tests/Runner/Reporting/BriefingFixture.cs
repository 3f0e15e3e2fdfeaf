using System.Text;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Reporting;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Runner.Reporting;

/// <summary>
/// A fixed, hand-made set of run tables (an Assembly vote with a what-if, a Council draft facing a veto, a follow-up
/// after the veto, an election, voting power) and the scenario they came from: the briefing of it is a golden file.
/// </summary>
internal static class BriefingFixture
{
    public const string Scenario = """
        scenario: golden-briefing
        description: A hand-made run for the report's golden file.
        as_of: 2026-03-01
        votes:
          - id: ga-text
            title: A resolution on territorial integrity
            body: GA
            majority: two_thirds
            like: { vote: A/RES/68/262, kind: same_subject, shift: 0.2 }
          - id: sc-draft
            body: SC
            like: { vote: A/RES/ES-10/19, spread: 0.18 }
          - id: ga-follow-up
            body: GA
            after: { vote: sc-draft, if: vetoed }
            like: { vote: A/RES/ES-11/1, kind: same_subject }
        variants:
          - name: outreach
            description: Outreach to the African Group.
            outreach: { members: [ZAF, NGA, EGY], effect: 0.3 }
          - name: other-analog
            votes: { ga-text: { like: { vote: A/RES/ES-11/1, kind: same_subject } } }
        """;

    public static ScenarioContext Context()
    {
        var loaded = ScenarioLoader.Load("golden-briefing.yaml", Encoding.UTF8.GetBytes(Scenario));
        Assert.That(loaded.Document, Is.Not.Null, string.Join("\n", loaded.Diagnostics));
        return ScenarioContext.FromDocument("golden-briefing.yaml", loaded.Document!, ReferenceCatalog.Embedded);
    }

    public static RunData Run()
    {
        var noVeto = new Dictionary<string, double>();
        var summary = new List<SummaryRow>
        {
            Row("baseline", "ga-text", "GA", "two_thirds", 0.7312, 0.0014, 0.7285, 0.7339, yes: (54, 80, 108), no: (12, 29, 50), veto: noVeto),
            Row("baseline", "sc-draft", "SC", "substantive", 0.0131, 0.0004, 0.0124, 0.0138, yes: (6, 9, 12), no: (1, 2, 3),
                veto: new Dictionary<string, double> { ["CHN"] = 0.004, ["FRA"] = 0.049, ["GBR"] = 0.121, ["RUS"] = 0.009, ["USA"] = 0.982 }) with
            {
                PVeto = 0.984, PVetoDecisive = 0.571, PDebate = 0.984,
            },
            Row("baseline", "ga-follow-up", "GA", "simple", 0.2504, 0.0031, 0.2444, 0.2565, yes: (95, 110, 125), no: (10, 16, 24), veto: noVeto) with
            {
                PHeld = 0.3346, PAdoptedGivenHeld = 0.7483, PAdoptedGivenTrigger = 0.2545,
            },
            Row("outreach", "ga-text", "GA", "two_thirds", 0.7913, 0.0013, 0.7888, 0.7938, yes: (58, 85, 112), no: (11, 27, 47), veto: noVeto) with
            {
                DiffVsBaseline = 0.0601, DiffSePaired = 0.0008, DiffSeUnpaired = 0.0019,
            },
            Row("other-analog", "ga-text", "GA", "two_thirds", 0.5121, 0.0016, 0.5090, 0.5152, yes: (40, 66, 95), no: (20, 38, 58), veto: noVeto) with
            {
                DiffVsBaseline = -0.2191, DiffSePaired = 0.0012, DiffSeUnpaired = 0.0021,
            },
        };
        var members = new List<MemberRow>
        {
            new("baseline", "ga-text", "IND", "India", 0.21, 0.70, 0.05, 0.04, 0.0412),
            new("baseline", "ga-text", "BRA", "Brazil", 0.44, 0.52, 0.02, 0.02, 0.0388),
            new("baseline", "ga-text", "ZAF", "South Africa", 0.18, 0.74, 0.05, 0.03, 0.0351),
            new("baseline", "ga-text", "NLD", "Netherlands (Kingdom of the)", 0.99, 0.01, 0.0, 0.0, 0.0003),
            new("baseline", "sc-draft", "USA", "United States of America", 0.0, 0.02, 0.98, 0.0, 0.656),
        };
        var candidates = new List<CandidateRow>
        {
            new("baseline", "hrc-2026", "HRC", "WEOG", 2, "PRT", "Portugal", false, 0.84, 0.0026, 0.84, 1, 1),
            new("baseline", "hrc-2026", "HRC", "WEOG", 2, "ITA", "Italy", false, 0.62, 0.0034, 0.62, 1, 1),
            new("baseline", "hrc-2026", "HRC", "WEOG", 2, "NLD", "Netherlands (Kingdom of the)", false, 0.54, 0.0035, 0.54, 1, 1),
        };
        var power = new List<PowerRow>
        {
            new("current", "CHN", "permanent", true, 0.196270, 0.166929),
            new("current", "DNK", "elected", false, 0.001865, 0.016535),
        };
        var histogram = new long[194];
        for (int k = 40; k <= 120; k++)
        {
            histogram[k] = 1000 - (Math.Abs(k - 80) * 24);
        }

        var vote = new VoteDescription("ga-text", Body.GeneralAssembly, new DateOnly(2026, 3, 20), MajorityRule.TwoThirds, CouncilDecision.Substantive, OutcomeEstimator.Sampled, Enumerable.Range(0, 193).Select(i => $"M{i:000}").ToArray());
        // Margins (yes minus the yes needed in that run) from -30 to 50 around margin 0 at entry 2 x 193 + 1.
        int offset = VoteStatistics.MarginOffset(193);
        var margins = new long[offset + 194];
        var adoptedMargins = new long[offset + 194];
        for (int m = -30; m <= 50; m++)
        {
            margins[offset + m] = 1000 - (Math.Abs(m - 10) * 24);
            adoptedMargins[offset + m] = m >= 0 ? margins[offset + m] : 0;
        }

        var state = new VoteStatisticsState("baseline", vote, histogram.Sum(), adoptedMargins.Sum(), 0, 0, 0, 0, new long[5], histogram, new long[194], new long[194], new long[194], [])
        {
            HeldCount = histogram.Sum(),
            MarginHistogram = margins,
            AdoptedMarginHistogram = adoptedMargins,
        };
        return new RunData
        {
            Folder = "runs/golden-briefing",
            Metadata = new Dictionary<string, string>
            {
                ["stemsim.scenario"] = "golden-briefing",
                ["stemsim.scenario_file"] = "scenarios/golden-briefing.yaml",
                ["stemsim.scenario_sha256"] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                ["stemsim.seed"] = "42",
                ["stemsim.trials"] = "100000",
                ["stemsim.shard"] = "0/1",
                ["stemsim.engine_version"] = "0.1.0",
                ["stemsim.git_commit"] = "abc1234",
                ["stemsim.created_utc"] = "2026-03-01T12:00:00Z",
                ["stemsim.positions"] = "StemSimulator calibration 1946-2021",
            },
            Summary = summary,
            Members = members,
            Candidates = candidates,
            Power = power,
            Statistics = new RunStatistics("golden-briefing", "0123", 42, 100000, 1, [0], "0.1.0", [state]) { Band = Band() },
        };
    }

    /// <summary>
    /// The band over the analog's spread: ga-text (same_subject, run at 2.0) rerun on 20,000 trials at 1.6 (adopted in
    /// 15,420) and 2.5 (13,668); the Council draft's spread was set by hand, so the band does not move it.
    /// </summary>
    private static AssumptionBandState[] Band() =>
    [
        new(AnalogSetting.Low, 20_000,
        [
            new("baseline", "ga-text", false, 20_000, 20_000, 15_420, 0) { Spread = 1.6, RunSpread = 2.0 },
            new("baseline", "sc-draft", true, 20_000, 20_000, 262, (Int128)(0.0131 * 20_000 * (1L << 62))) { Spread = 0.18, RunSpread = 0.18 },
        ]),
        new(AnalogSetting.High, 20_000,
        [
            new("baseline", "ga-text", false, 20_000, 20_000, 13_668, 0) { Spread = 2.5, RunSpread = 2.0 },
            new("baseline", "sc-draft", true, 20_000, 20_000, 262, (Int128)(0.0131 * 20_000 * (1L << 62))) { Spread = 0.18, RunSpread = 0.18 },
        ]),
    ];

    private static SummaryRow Row(string variant, string vote, string body, string rule, double p, double se, double lo, double hi,
        (int P05, int P50, int P95) yes, (int P05, int P50, int P95) no, Dictionary<string, double> veto) => new()
        {
            Variant = variant,
            VoteId = vote,
            Body = body,
            Rule = rule,
            Date = new DateOnly(2026, 3, 20),
            Trials = 100_000,
            PAdopted = p,
            PAdoptedSe = se,
            PAdoptedLo95 = lo,
            PAdoptedHi95 = hi,
            PHeld = 1,
            PAdoptedGivenHeld = p,
            YesP05 = yes.P05,
            YesP50 = yes.P50,
            YesP95 = yes.P95,
            NoP05 = no.P05,
            NoP50 = no.P50,
            NoP95 = no.P95,
            AbstainP05 = 40,
            AbstainP95 = 80,
            PVetoByMember = veto,
        };
}
