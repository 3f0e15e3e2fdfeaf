namespace StemSimulator.Tests.Scenarios;

public sealed class ScenarioErrorTests
{
    [Test]
    public void Yaml_syntax_error_names_line_and_column()
    {
        var result = ScenarioText.Load("scenario: test\nas_of: 2026-03-01\nvotes: [\n  - id: v\n");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(result.Diagnostics[0].Location.File, Is.EqualTo("test.yaml"));
        Assert.That(result.Diagnostics[0].Location.Line, Is.GreaterThanOrEqualTo(3));
        Assert.That(result.Diagnostics[0].Message, Does.StartWith("YAML syntax"));
    }

    [Test]
    public void Unknown_key_names_the_nearest_valid_key_and_its_place()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal.Replace("trials: 1000", "trails: 1000", StringComparison.Ordinal));

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:3:1: error: unknown key 'trails'").And.Contain("did you mean 'trials'?"));
    }

    [Test]
    public void Unknown_member_names_the_nearest_valid_codes()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal + "\nmembers:\n  'NLD ': { vote: yes }\n  NDL: { shift: 0.2 }\n");

        var messages = ScenarioText.Messages(result);
        Assert.That(messages, Does.Contain("test.yaml:10:3: error: unknown member 'NLD '; did you mean 'NLD'?"));
        Assert.That(messages, Does.Contain("test.yaml:11:3: error: unknown member 'NDL'").And.Contain("'NLD'"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        const string yaml = """
            scenario: Bad Name
            as_of: 2026-03-01
            trials: lots
            shocks: { global_sd: -1, blocs: { EUU: 0.2 } }
            votes:
              - id: v
                body: GA
                majority: two_third
                discrimination: 1.0
                cutpoints: [0.5, -0.5]
              - id: v
                body: SC
                discrimination: 1.0
                cutpoints: [-1.0]
                colour: red
            """;

        var result = ScenarioText.Load(yaml);

        var messages = ScenarioText.Messages(result);
        Assert.That(messages, Does.Contain("test.yaml:3:9: error: expected a whole number, found 'lots'"));
        Assert.That(messages, Does.Contain("test.yaml:8:15: error: 'two_third' is not a valid value; did you mean 'two_thirds'?"));
        Assert.That(messages, Does.Contain("test.yaml:15:5: error: unknown key 'colour'"));

        // The later stages in the same pass: names, ranges, references (groups), duplicates, the second vote's cut-points.
        Assert.That(messages, Does.Contain("test.yaml:1:11: error: 'Bad Name' is not a valid scenario name"));
        Assert.That(messages, Does.Contain("test.yaml:4:22: error: a shock's standard deviation must be between 0 and 5, not -1"));
        Assert.That(messages, Does.Contain("test.yaml:4:35: error: unknown group 'EUU'; did you mean 'EU'?"));
        Assert.That(messages, Does.Contain("test.yaml:11:9: error: duplicate vote id 'v'"));
        Assert.That(messages, Does.Contain("test.yaml:14:16: error: cutpoints needs two numbers"));
        Assert.That(result.Diagnostics, Has.Count.EqualTo(8),
            "every stage in one pass; the first vote, whose 'majority' did not bind, is not checked further (its binding error says what is wrong)");
        Assert.That(result.Diagnostics.Select(d => d.Location.Line), Is.Ordered, "in the order of the file");
    }

    [Test]
    public void Checks_after_binding_report_all_problems_with_places()
    {
        const string yaml = """
            scenario: Bad Name
            as_of: 2026-03-01
            shocks: { global_sd: -1, blocs: { EUU: 0.2 } }
            members:
              VAT: { vote: yes }
              FRA: { p_yes: 0.8, p_no: 0.5 }
            votes:
              - id: v
                body: GA
                decision: procedural
                discrimination: 1.0
                cutpoints: [0.5, -0.5]
              - id: v
                body: SC
                majority: simple
                discrimination: 1.0
                cutpoints: [-1.0]
            variants:
              - name: baseline
                votes: { w: { majority: simple } }
            """;

        var result = ScenarioText.Load(yaml);

        Assert.That(result.Succeeded, Is.False);
        var messages = ScenarioText.Messages(result);
        Assert.That(messages, Does.Contain("test.yaml:1:11: error: 'Bad Name' is not a valid scenario name"));
        Assert.That(messages, Does.Contain("test.yaml:3:22: error: a shock's standard deviation must be between 0 and 5, not -1"));
        Assert.That(messages, Does.Contain("test.yaml:3:35: error: unknown group 'EUU'; did you mean 'EU'?"));
        Assert.That(messages, Does.Contain("test.yaml:5:3: error: VAT (").And.Contain("observer state and does not vote"));
        Assert.That(messages, Does.Contain("test.yaml:6:17: error: FRA: p_yes + p_abstain + p_no = 1.3"));
        Assert.That(messages, Does.Contain("test.yaml:10:15: error: 'decision' is for Security Council drafts"));
        Assert.That(messages, Does.Contain("test.yaml:12:16: error: cut-points must be in order"));
        Assert.That(messages, Does.Contain("test.yaml:13:9: error: duplicate vote id 'v'"));
        Assert.That(messages, Does.Contain("test.yaml:15:15: error: 'majority' is for General Assembly votes"));
        Assert.That(messages, Does.Contain("test.yaml:17:16: error: cutpoints needs two numbers"));
        Assert.That(messages, Does.Contain("test.yaml:19:11: error: 'baseline' is the scenario as written"));
        Assert.That(messages, Does.Contain("test.yaml:20:14: error: unknown vote 'w'; did you mean 'v'?"));
    }

    [Test]
    public void Missing_required_keys_are_named()
    {
        var result = ScenarioText.Load("scenario: test\nvotes:\n  - id: v\n");

        var messages = ScenarioText.Messages(result);
        Assert.That(messages, Does.Contain("test.yaml:1:1: error: missing required key 'as_of'"));
        Assert.That(messages, Does.Contain("test.yaml:3:5: error: missing required key 'body'"));
    }

    [Test]
    public void A_vote_without_an_analog_or_parameters_is_an_error()
    {
        var result = ScenarioText.Load("scenario: test\nas_of: 2026-03-01\nvotes:\n  - id: v\n    body: GA\n");

        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:4:9: error: vote 'v' needs either 'like: <roll call>' (e.g. like: A/RES/68/262) or both 'discrimination' and 'cutpoints'"));
    }

    [Test]
    public void Trials_out_of_range_from_the_command_line_is_an_error()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal, new StemSimulator.Scenarios.RunOverrides { Trials = 0 });

        Assert.That(ScenarioText.Messages(result), Does.Contain("trials must be between 1 and 100,000,000, not 0"));
    }

    [Test]
    public void Alias_bombs_fail_fast_with_a_clear_message()
    {
        // "Billion laughs": ten levels of ten aliases would expand to 10^10 strings if anything walked them.
        var yaml = new System.Text.StringBuilder(ScenarioText.Minimal).Append("\nx_lol:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++)
        {
            string previous = $"*l{level - 1}";
            yaml.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        yaml.Append("article_19: *l9\n");

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = ScenarioText.Load(yaml.ToString());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), "the expansion stops loading before anything walks the tree");
        Assert.That(ScenarioText.Messages(result), Does.Contain("test.yaml:15:12: error: the document expands to more than 200,000 values"));
        Assert.That(allocated, Is.LessThan(64L << 20), "the guard counts expanded sizes; it never expands");
    }

    [Test]
    public void Missing_file_is_reported_without_an_exception()
    {
        var result = StemSimulator.Scenarios.ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-scenario.yaml"));

        Assert.That(ScenarioText.Messages(result), Does.Contain("the scenario file does not exist"));
    }
}
