using System.Text;
using StemSimulator.Scenarios.Councils;

namespace StemSimulator.Tests.Scenarios.Councils;

/// <summary>Custom council files: what they mean, and every mistake reported with file, line and column.</summary>
public sealed class CouncilLoaderTests
{
    private const string TwoToBlock = """
        council: two-to-block
        description: The current Council where a veto needs two permanent members.
        quota: 9
        veto_blocking: 2
        seats:
          - { type: permanent, veto: true, members: [CHN, FRA, GBR, RUS, USA] }
          - { type: elected, count: 10 }
        """;

    private static CouncilLoadResult Load(string yaml) => CouncilLoader.Load("council.yaml", Encoding.UTF8.GetBytes(yaml));

    private static string Messages(CouncilLoadResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    [Test]
    public void Valid_file_defines_classes_members_and_rule()
    {
        var result = Load(TwoToBlock);

        Assert.That(result.Succeeded, Is.True, Messages(result));
        var council = result.Council!;
        Assert.That(council.Name, Is.EqualTo("two-to-block"));
        Assert.That(council.Quota, Is.EqualTo(9));
        Assert.That(council.VetoBlocking, Is.EqualTo(2));
        Assert.That(council.Classes[0].Members, Is.EqualTo(new[] { "CHN", "FRA", "GBR", "RUS", "USA" }));
        Assert.That(council.Classes[0].Veto, Is.True);
        Assert.That(council.Classes[1].Members, Is.EqualTo(Enumerable.Range(1, 10).Select(k => $"elected-{k}")));
        Assert.That(council.Classes[1].Weight, Is.EqualTo(1));
        Assert.That(result.Sha256, Has.Length.EqualTo(64));
    }

    [Test]
    public void Yaml_syntax_error_names_line_and_column()
    {
        var result = Load("council: x\nquota: 9\nseats: [\n  { type: a\n");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(Messages(result), Does.Match(@"^council\.yaml:\d+:\d+: error: YAML syntax"));
    }

    [Test]
    public void Unknown_key_suggests_the_nearest()
    {
        var result = Load(TwoToBlock.Replace("veto_blocking: 2", "veto_blocks: 2", StringComparison.Ordinal));

        Assert.That(Messages(result), Does.Contain("council.yaml:4:1: error: unknown key 'veto_blocks'").And.Contain("did you mean 'veto_blocking'?"));
    }

    [Test]
    public void Quota_above_the_total_weight_is_an_error_at_the_quota()
    {
        var result = Load(TwoToBlock.Replace("quota: 9", "quota: 16", StringComparison.Ordinal));

        Assert.That(Messages(result), Does.Contain("council.yaml:3:8: error: the quota must be between 1 and the total weight of the seats (15), not 16"));
    }

    [Test]
    public void Veto_blocking_beyond_the_veto_holders_is_an_error()
    {
        var result = Load(TwoToBlock.Replace("veto_blocking: 2", "veto_blocking: 6", StringComparison.Ordinal));

        Assert.That(Messages(result), Does.Contain("council.yaml:4:16: error: 'veto_blocking' must be between 1 (each veto holder blocks alone) and 5"));
    }

    [Test]
    public void Every_seat_class_mistake_is_reported_at_once()
    {
        const string yaml = """
            council: Bad Name
            quota: 3
            seats:
              - { type: permanent, veto: true, members: [CHN, FRA, CHN] }
              - { type: elected, count: 4, members: [NLD] }
              - { type: other }
              - { type: permanent, count: 2, weight: 0 }
            """;

        var result = Load(yaml);

        var messages = Messages(result);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(messages, Does.Contain("council.yaml:1:10: error: the council name 'Bad Name'"));
        Assert.That(messages, Does.Contain("council.yaml:4:56: error: member 'CHN' appears more than once"));
        Assert.That(messages, Does.Contain("council.yaml:5:29: error: give either 'members'").And.Contain("not both"));
        Assert.That(messages, Does.Contain("council.yaml:6:5: error: seat class 'other' needs 'members'"));
        Assert.That(messages, Does.Contain("council.yaml:7:13: error: seat type 'permanent' appears twice"));
        Assert.That(messages, Does.Contain("council.yaml:7:42: error: a seat's weight must be between 1 and 1,000,000, not 0"));
    }

    [Test]
    public void Missing_file_is_reported_without_throwing()
    {
        var result = CouncilLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-council-" + Guid.NewGuid().ToString("N") + ".yaml"));

        Assert.That(Messages(result), Does.Contain("error: the council file does not exist"));
    }
}
