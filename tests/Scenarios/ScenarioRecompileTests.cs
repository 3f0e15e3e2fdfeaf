using System.Text;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// <see cref="ScenarioLoader.Recompile"/>: the assumption band's ends compiled from what the run's load read, parsed and
/// bound, giving the models a fresh load of the same file gives, without reading any file again.
/// </summary>
public sealed class ScenarioRecompileTests
{
    // A measured analog (its spread moves between the band's ends) and a member's recorded vote from a file.
    private const string Yaml = """
        scenario: recompile
        as_of: 2026-03-01
        trials: 2000
        seed: 7
        shocks: calibrated
        evidence: [{ file: votes.csv, roll_calls: { A/RES/77/9: A/RES/76/178 } }]
        votes:
          - id: v
            body: GA
            like: { vote: A/RES/76/178, kind: same_subject }
        variants:
          - name: simple
            votes:
              v: { majority: simple }
        """;

    private static string Write(string folder)
    {
        var csv = new StringBuilder("resolution,date,ms_code,ms_vote\n");
        foreach (var (code, vote) in new[] { ("USA", "Y"), ("GBR", "Y"), ("IRN", "N"), ("CHN", "N"), ("IND", "A"), ("FRA", "N") })
        {
            csv.Append($"A/RES/77/9,2022-12-15,{code},{vote}\n");
        }

        File.WriteAllText(Path.Combine(folder, "votes.csv"), csv.ToString());
        string path = Path.Combine(folder, "s.yaml");
        File.WriteAllText(path, Yaml);
        return path;
    }

    private static SimulationResult Simulate(SimulationModel model) =>
        MonteCarloSimulator.Run(EstimatorSelection.Resolve(model), new SimulationOptions { Threads = 1, TrialCount = model.Trials });

    [TestCase(AnalogSetting.Low)]
    [TestCase(AnalogSetting.High)]
    public void An_end_recompiled_is_the_model_a_fresh_load_at_that_end_gives(AnalogSetting setting)
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder.Path);
        var run = ScenarioLoader.LoadFile(path);
        Assert.That(run.Succeeded, Is.True, string.Join("\n", run.Diagnostics));

        var fresh = ScenarioLoader.LoadFile(path, new RunOverrides { AnalogSetting = setting });
        var recompiled = ScenarioLoader.Recompile(run, new RunOverrides { AnalogSetting = setting });

        Assert.That(recompiled.Succeeded && fresh.Succeeded, Is.True);
        var spreads = recompiled.Model!.Variants.SelectMany(v => v.Votes).Select(v => v.AnalogSd).ToArray();
        Assert.That(spreads, Is.EqualTo(fresh.Model!.Variants.SelectMany(v => v.Votes).Select(v => v.AnalogSd)));
        Assert.That(spreads, Is.Not.EqualTo(run.Model!.Variants.SelectMany(v => v.Votes).Select(v => v.AnalogSd)), "the end's spreads differ from the run's, or this test would compare the run with itself");
        var a = Simulate(recompiled.Model!).Votes;
        var b = Simulate(fresh.Model!).Votes;
        Assert.That(a.Select(v => (v.AdoptedCount, v.ExactSum.Value, v.ExactSumOfSquares.Value)), Is.EqualTo(b.Select(v => (v.AdoptedCount, v.ExactSum.Value, v.ExactSumOfSquares.Value))), "the same model, trial for trial");
        Assert.That(recompiled.Evidence.Single().Sha256, Is.EqualTo(run.Evidence.Single().Sha256));
        Assert.That(recompiled.Sha256, Is.EqualTo(run.Sha256));
    }

    [Test]
    public void Recompiling_reads_no_file_again()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder.Path);
        var run = ScenarioLoader.LoadFile(path);
        var before = ScenarioLoader.Recompile(run, new RunOverrides { AnalogSetting = AnalogSetting.Low });

        // The files change (or go) while the run simulates: the band's ends still come from what the run read.
        File.Delete(Path.Combine(folder.Path, "votes.csv"));
        File.WriteAllText(path, "not: a scenario");
        var after = ScenarioLoader.Recompile(run, new RunOverrides { AnalogSetting = AnalogSetting.Low });

        Assert.That(after.Succeeded, Is.True, string.Join("\n", after.Diagnostics));
        Assert.That(Simulate(after.Model!).Votes.Select(v => v.AdoptedCount), Is.EqualTo(Simulate(before.Model!).Votes.Select(v => v.AdoptedCount)));
        Assert.That(after.Evidence.Single().RollCalls, Is.EqualTo(new[] { "A/RES/77/9" }));
    }

    [Test]
    public void Only_a_scenario_that_compiled_can_be_recompiled()
    {
        var failed = ScenarioLoader.Load("bad.yaml", Encoding.UTF8.GetBytes("scenario: bad\nvotes: 3\n"));

        Assert.That(failed.Succeeded, Is.False);
        Assert.That(() => ScenarioLoader.Recompile(failed, new RunOverrides()), Throws.ArgumentException);
    }
}
