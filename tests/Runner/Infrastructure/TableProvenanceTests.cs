using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Power;
using StemSimulator.Tests.Engine.Power;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>The one provenance shape: the command first, its inputs, then engine version, commit and time, for a run, a merge and 'power' alike.</summary>
public sealed class TableProvenanceTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_run_carries_its_inputs_between_the_command_and_the_common_keys()
    {
        var run = new Provenance("s", "scenarios/s.yaml", "ab12", 7, 3000, "0/1", Noon).ToMetadata();
        Assert.That(run.Keys, Is.EqualTo(new[]
        {
            "stemsim.command", "stemsim.scenario", "stemsim.scenario_file", "stemsim.scenario_sha256", "stemsim.seed", "stemsim.trials",
            "stemsim.shard", "stemsim.positions", "stemsim.engine_version", "stemsim.git_commit", "stemsim.created_utc",
        }));
        Assert.That(run["stemsim.command"], Is.EqualTo("run"));
        Assert.That(run["stemsim.seed"], Is.EqualTo("7"));
        Assert.That(run["stemsim.created_utc"], Is.EqualTo("2026-03-01T12:00:00Z"));
    }

    [Test]
    public void A_merge_says_so_and_a_shard_has_no_time()
    {
        Assert.That(new Provenance("s", "f", "h", 1, 10, "merged 2/2", Noon).ToMetadata()["stemsim.command"], Is.EqualTo("merge"));
        var shard = new Provenance("s", "f", "h", 1, 10, "1/2", null).ToMetadata();
        Assert.That(shard["stemsim.command"], Is.EqualTo("run"));
        Assert.That(shard.ContainsKey("stemsim.created_utc"), Is.False);
    }

    [Test]
    public void Power_has_the_same_shape()
    {
        var power = new PowerProvenance([TestCouncils.Current()], new Dictionary<string, (string, string)>(), Noon).ToTable().ToMetadata();
        Assert.That(power.Keys.First(), Is.EqualTo("stemsim.command"));
        Assert.That(power["stemsim.command"], Is.EqualTo("power"));
        Assert.That(power.Keys.TakeLast(3), Is.EqualTo(new[] { "stemsim.engine_version", "stemsim.git_commit", "stemsim.created_utc" }));
        Assert.That(power["stemsim.council_sources"], Does.Contain("built-in"));
    }

    [Test]
    public void An_input_may_not_repeat_or_shadow_a_common_key()
    {
        Assert.Throws<InvalidOperationException>(() => new TableProvenance("x", [new("seed", "1"), new("seed", "2")], null).ToMetadata());
        Assert.Throws<InvalidOperationException>(() => new TableProvenance("x", [new("git_commit", "abc")], null).ToMetadata());
        Assert.That(new TableProvenance("x", [new("a", "1")], null).With("a", "2").ToMetadata()["stemsim.a"], Is.EqualTo("2"));
    }
}
