using DuckDB.NET.Data;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Yaml;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner;

/// <summary>
/// Every value of every closed set a scenario can name (majority rules, Council decisions, estimators, bodies, fixed
/// votes, conditions, Charter chapters, issue areas, election bodies, regions, withdrawal modes) goes through the
/// whole tool: a scenario per value is compiled, simulated and summarised by <c>stemsim run</c> and briefed by
/// <c>stemsim report</c>. The cases come from the enums themselves, so a value added without handling somewhere
/// along the way fails here instead of falling back silently to another value.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class ClosedSetEndToEndTests
{
    private TemporaryFolder _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = new TemporaryFolder();

    [OneTimeTearDown]
    public void RemoveFolder() => _folder.Dispose();

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var value in Enum.GetValues<MajorityName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return Case("majority", name, Vote("ga", "body: GA", $"majority: {name}", "like: { vote: A/RES/68/262, kind: repeat }"), ("ga", "GA", name));
        }

        foreach (var value in Enum.GetValues<DecisionName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return Case("decision", name, Vote("sc", "body: SC", $"decision: {name}", "like: { vote: A/RES/ES-10/19, kind: same_subject }"), ("sc", "SC", name));
        }

        foreach (var value in Enum.GetValues<EstimatorName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return Case("estimator", name, Vote("ga", "body: GA", $"estimator: {name}", "like: { vote: A/RES/68/262, kind: repeat }"), ("ga", "GA", "simple"));
        }

        foreach (var value in Enum.GetValues<BodyName>())
        {
            string name = value.ToString();
            yield return Case("body", name, Vote("v", $"body: {name}", "like: { vote: A/RES/68/262, kind: repeat }"), ("v", name, value == BodyName.SC ? "substantive" : "simple"));
        }

        foreach (var value in Enum.GetValues<VoteChoiceName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return Case("vote", name, Vote("ga", "body: GA", "like: { vote: A/RES/68/262, kind: repeat }", $"members: {{ NLD: {{ vote: {name} }} }}"), ("ga", "GA", "simple"));
        }

        foreach (var value in Enum.GetValues<ConditionName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return Case("if", name, Vote("sc", "body: SC", "like: { vote: A/RES/ES-10/19, kind: same_subject }") + Vote("ga", "body: GA", $"after: {{ vote: sc, if: {name} }}", "like: { vote: A/RES/68/262, kind: repeat }"), ("ga", "GA", "simple"));
        }

        foreach (var value in Enum.GetValues<CharterChapter>())
        {
            string name = value.ToString();
            yield return Case("chapter", name, Vote("sc", "body: SC", $"chapter: {name}", "like: { vote: A/RES/ES-10/19, kind: same_subject }"), ("sc", "SC", "substantive"));
        }

        foreach (var value in Enum.GetValues<IssueAreaName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return Case("issue", name, Vote("ga", "body: GA", $"like: {{ vote: A/RES/68/262, kind: repeat, issue: {name} }}"), ("ga", "GA", "simple"));
        }

        foreach (var value in Enum.GetValues<ElectionBodyName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return ElectionCase("election body", name, name, "weog", "[NLD, ITA, PRT]", "trailing");
        }

        foreach (var value in Enum.GetValues<RegionName>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return ElectionCase("region", name, "hrc", name, CandidatesOf(value), "trailing");
        }

        foreach (var value in Enum.GetValues<WithdrawalWho>())
        {
            string name = SnakeCase.From(value.ToString());
            yield return ElectionCase("withdrawal", name, "hrc", "weog", "[NLD, ITA, PRT]", name);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Every_value_runs_through_compile_simulate_summary_and_briefing(string scenario, (string Vote, string Body, string Rule)? expected)
    {
        // Cases may share a scenario text (the default withdrawal and region are also cases of their own): a folder each.
        string name = $"closed-{Guid.NewGuid():N}";
        string file = _folder.File(name + ".yaml");
        File.WriteAllText(file, scenario);
        string output = _folder.File(name);
        var run = CliProcess.Run(_folder.Path, "run", file, "--trials", "300", "--out", output, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError + run.StandardOutput);

        if (expected is { } vote)
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT body, rule FROM read_parquet('{Path.Combine(output, "summary.parquet")}') WHERE vote_id = '{vote.Vote}'";
            using var rows = command.ExecuteReader();
            Assert.That(rows.Read(), Is.True, "summary.parquet has the vote");
            Assert.That((rows.GetString(0), rows.GetString(1)), Is.EqualTo((vote.Body, vote.Rule)), "the body and rule written are the ones the scenario names");
        }

        string briefing = _folder.File(name + ".md");
        var report = CliProcess.Run(_folder.Path, "report", output, "--out", briefing, "--scenario", file);
        Assert.That(report.ExitCode, Is.Zero, report.StandardError + report.StandardOutput);
        Assert.That(File.ReadAllText(briefing), Is.Not.Empty);
    }

    private static TestCaseData Case(string key, string value, string votes, (string, string, string) expected) =>
        new TestCaseData($"""
            scenario: closed-set
            as_of: 2026-03-01
            seed: 3
            votes:
            {votes}
            """, ((string, string, string)?)expected) { TestName = $"{key}: {value}" };

    private static TestCaseData ElectionCase(string key, string value, string body, string region, string candidates, string who) =>
        new TestCaseData($$"""
            scenario: closed-set
            as_of: 2026-03-01
            seed: 3
            elections:
              - id: election
                body: {{body}}
                date: 2026-10-13
                seat_groups:
                  - region: {{region}}
                    seats: 1
                    candidates: {{candidates}}
                    compromise: [{{CompromiseOf(region)}}]
                withdrawal: { after_rounds: 2, probability: 0.5, who: {{who}} }
            """, ((string, string, string)?)null) { TestName = $"{key}: {value}" };

    private static string Vote(string id, params string[] lines) =>
        $"  - id: {id}\n" + string.Concat(lines.Select(l => $"    {l}\n"));

    /// <summary>Three members of a regional group that are on neither Council in 2026 (eligible everywhere).</summary>
    private static string CandidatesOf(RegionName region) => region switch
    {
        RegionName.AfricanGroup => "[NGA, KEN, GHA]",
        RegionName.AsiaPacificGroup => "[IND, IDN, THA]",
        RegionName.EasternEuropeanGroup => "[POL, CZE, HUN]",
        RegionName.Grulac => "[BRA, ARG, URY]",
        RegionName.Weog => "[NLD, ITA, PRT]",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "add three candidates of the new region to the closed-set test"),
    };

    private static string CompromiseOf(string region) => region switch
    {
        "african_group" => "SEN",
        "asia_pacific_group" => "MYS",
        "eastern_european_group" => "ROU",
        "grulac" => "CRI",
        _ => "IRL",
    };
}
