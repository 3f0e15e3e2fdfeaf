using System.Text;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Councils;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// The size limits not covered by the malformed corpus (whose files are small by design): file size, for scenarios
/// and council files, and the number of members of a council. Trials, votes, variants, elections, dates (years) and
/// alias expansion have corpus cases (number-trials-too-many, limit-*, date-*).
/// </summary>
public sealed class ScenarioLimitTests
{
    private const string Valid = """
        scenario: big
        as_of: 2026-03-01
        votes:
          - id: v
            body: GA
            like: { vote: A/RES/68/262, kind: repeat }

        """;

    [Test]
    public void A_scenario_file_over_one_mebibyte_is_refused_before_it_is_parsed()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("big.yaml");
        // A valid scenario padded with comments: only its size is wrong.
        File.WriteAllText(path, Valid + new string('#', ScenarioLoader.MaxFileBytes - Valid.Length + 1));

        var result = ScenarioLoader.LoadFile(path);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo($"{path}:1:1: error: the file is 1,048,577 bytes; a scenario may be at most 1,048,576 bytes"));

        var exact = ScenarioLoader.Load("big.yaml", Encoding.UTF8.GetBytes(Valid + new string('#', ScenarioLoader.MaxFileBytes - Valid.Length)));
        Assert.That(exact.Succeeded, Is.True, "a file of exactly the limit loads");
    }

    [Test]
    public void The_cli_refuses_an_oversized_scenario_with_exit_2_and_no_stack_trace()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("big.yaml"), Valid + new string('#', 3 << 20));

        var run = CliProcess.Run(folder.Path, "run", "big.yaml", "--out", "out");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Does.Match(@"^big\.yaml:1:1: error: the file is 3,14\d,\d{3} bytes; a scenario may be at most 1,048,576 bytes\r?\n"));
        Assert.That(run.StandardError, Does.Not.Contain("   at "));
        Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "big.yaml" }));
    }

    [Test]
    public void A_council_file_over_one_mebibyte_is_refused()
    {
        var result = CouncilLoader.Load("council.yaml", new byte[CouncilLoader.MaxFileBytes + 1]);

        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo("council.yaml:1:1: error: the file is 1,048,577 bytes; a council file may be at most 1,048,576 bytes"));
    }

    [Test]
    public void A_council_of_more_than_a_thousand_members_is_refused_at_its_seats()
    {
        var result = CouncilLoader.Load("council.yaml", Encoding.UTF8.GetBytes("""
            council: huge
            quota: 600
            seats:
              - { type: elected, count: 1000 }
              - { type: regional, count: 1 }
            """));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo("council.yaml:4:3: error: the council has 1,001 members; at most 1,000 are supported"));
    }
}
