using System.Text;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// Evidence in a scenario, compiled: a vote's totals move the cut-points of the votes that name it in <c>like</c> the
/// way the totals point, and a member's recorded vote moves its position (and so its lean) the way it voted.
/// </summary>
public sealed class ScenarioEvidenceTests
{
    private static ScenarioLoadResult Load(string folder, string yaml)
    {
        string path = Path.Combine(folder, "s.yaml");
        File.WriteAllText(path, yaml);
        return ScenarioLoader.Load(path, Encoding.UTF8.GetBytes(yaml));
    }

    private static string Totals(int yes, int no, int abstain) => $$"""
        scenario: test
        as_of: 2026-03-01
        trials: 1000
        shocks: calibrated
        evidence:
          - { vote: A/RES/80/5, date: 2025-10-10, yes: {{yes}}, no: {{no}}, abstain: {{abstain}}, like: { vote: A/RES/76/178, kind: repeat } }
        votes:
          - id: v
            body: GA
            like: { vote: A/RES/80/5, kind: repeat }
        """;

    [Test]
    public void Totals_move_the_cut_points_the_way_they_point()
    {
        using var folder = new TemporaryFolder();
        // The analog A/RES/76/178 was 78-31-69. Many more yes votes mean a positive common shift (cut-points lower).
        var more = Load(folder.Path, Totals(140, 10, 30));
        var fewer = Load(folder.Path, Totals(40, 60, 80));
        var plain = Load(folder.Path, Totals(78, 31, 69));

        Assert.That(more.Succeeded && fewer.Succeeded && plain.Succeeded, Is.True, string.Join("\n", more.Diagnostics.Concat(fewer.Diagnostics).Concat(plain.Diagnostics)));
        double Cut(ScenarioLoadResult r) => r.Model!.Variants[0].Votes[0].YesFrom.Average();
        Assert.That(Cut(more), Is.LessThan(Cut(plain) - 0.3));
        Assert.That(Cut(fewer), Is.GreaterThan(Cut(plain) + 0.3));
        Assert.That(more.Evidence, Is.Empty, "totals come from the scenario itself, not a file");
    }

    [Test]
    public void A_members_recorded_vote_moves_its_lean_the_way_it_voted()
    {
        using var folder = new TemporaryFolder();
        // A 2022 roll call resembling A/RES/76/178 (Iran, human rights) on which France votes no, against its record.
        var csv = new StringBuilder("resolution,date,ms_code,ms_vote\n");
        foreach (var (code, vote) in new[] { ("USA", "Y"), ("GBR", "Y"), ("DEU", "Y"), ("CAN", "Y"), ("IRN", "N"), ("CHN", "N"), ("RUS", "N"), ("CUB", "N"), ("IND", "A"), ("BRA", "A"), ("FRA", "N") })
        {
            csv.Append($"A/RES/77/9,2022-12-15,{code},{vote}\n");
        }

        File.WriteAllText(Path.Combine(folder.Path, "votes.csv"), csv.ToString());
        string Scenario(string evidence) => $"""
            scenario: test
            as_of: 2026-03-01
            trials: 1000
            {evidence}
            votes:
              - id: v
                body: GA
                like: {"{"} vote: A/RES/76/178, kind: same_subject {"}"}
            """;
        var with = Load(folder.Path, Scenario("evidence: [{ file: votes.csv, roll_calls: { A/RES/77/9: A/RES/76/178 } }]"));
        var without = Load(folder.Path, Scenario(string.Empty));

        Assert.That(with.Succeeded, Is.True, string.Join("\n", with.Diagnostics));
        Assert.That(with.Evidence.Single().RollCalls, Is.EqualTo(new[] { "A/RES/77/9" }));
        Assert.That(with.EvidenceYear, Is.EqualTo(2022));
        var a = with.Model!.Variants[0].Votes[0];
        var b = without.Model!.Variants[0].Votes[0];
        double Mean(global::StemSimulator.Engine.Model.VoteModel vote, string code) => vote.Mean[Array.IndexOf(vote.Codes, code)];
        Assert.That(Mean(a, "FRA"), Is.LessThan(Mean(b, "FRA")), "France's no moves it towards no");
        Assert.That(Mean(a, "JPN"), Is.EqualTo(Mean(b, "JPN")), "a member without an evidence vote keeps its lean");
    }
}
