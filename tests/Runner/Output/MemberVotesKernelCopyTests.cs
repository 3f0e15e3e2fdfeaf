using System.Text;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>
/// A run's <c>member_votes/</c> comes from the votes the kernel copies into the blocks as it simulates
/// (<see cref="SimulationOptions.MemberChoices"/>). The file must be, byte for byte, the one written by replaying every
/// trial on its own (<see cref="MemberVoteReplay"/>, a one-trial simulation read back from its member counts): on an
/// Assembly vote over several row groups, a Council chain with votes held only after an outcome, a run conditioned on
/// announced votes (redrawn trials) and a drift scenario, in blocks smaller than the run and on two threads.
/// </summary>
public sealed class MemberVotesKernelCopyTests
{
    private static readonly string Conditioned = ScenarioYaml.Conditioned(trials: 400, seed: 4, name: "conditioned") + """
            given: { GBR: no }
        variants:
          - name: unknown
            votes: { v: { given: {} } }
        """;

    [TestCase("ga-hrc-suspension-2026.yaml", 3000)]
    [TestCase("sc-veto-chain-2026.yaml", 1500)]
    [TestCase("drift-brics-2026-2035.yaml", 300)]
    [TestCase("conditioned", 400)]
    public async Task The_kernels_copy_writes_the_replays_file_byte_for_byte(string scenario, int trials)
    {
        var loaded = scenario == "conditioned"
            ? ScenarioLoader.Load("conditioned.yaml", Encoding.UTF8.GetBytes(Conditioned))
            : ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, scenario));
        Assert.That(loaded.Model, Is.Not.Null, string.Join("\n", loaded.Diagnostics));
        var resolved = EstimatorSelection.Resolve(loaded.Model!);
        var model = new SimulationModel(resolved.Seed, trials, resolved.Variants);
        var provenance = new Provenance(scenario, scenario, new string('0', 64), model.Seed, trials, "0/1", null);

        using var copied = new MemoryStream();
        long rows;
        await using (var file = await MemberVotesFile.CreateAsync(model, copied, provenance, CancellationToken.None))
        {
            MonteCarloSimulator.Run(model, new SimulationOptions { Threads = 2, BlockSize = 128, MemberChoices = true }, file);
            await file.CompleteAsync();
            rows = file.RowsWritten;
        }

        using var replayed = new MemoryStream();
        long replayedRows = await MemberVotesFile.WriteAsync(model, 0, trials, 2, replayed, provenance, CancellationToken.None);

        Assert.That(rows, Is.EqualTo(replayedRows));
        Assert.That(rows, Is.GreaterThan(0));
        Assert.That(copied.ToArray(), Is.EqualTo(replayed.ToArray()), "the same bytes, footer included");
    }

    [Test]
    public void A_run_without_member_votes_has_no_choices_in_its_blocks()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"));
        var model = EstimatorSelection.Resolve(loaded.Model!);
        var plans = TrialKernel.Plan(model);
        Assert.That(TrialKernel.NewBlock(plans, 16)[0, 0].Choices, Is.Null);
        var block = TrialKernel.NewBlock(plans, 16, memberChoices: true);
        Assert.That(block[0, 0].Choices, Has.Length.EqualTo(16 * model.Variants[0].Votes[0].Description.Count));
    }
}
