using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// The baseline of a run kept for later runs of the same baseline beside other variants: its statistics and, per
/// vote and trial, its estimate of adoption (the exact conditional probability, or 1/0 for adopted or not), which the
/// paired differences of a variant need. Every trial is a pure function of the model and the trial index, and a
/// variant's trials do not depend on the variants beside it, so a run given this record simulates only the other
/// variants and gives, bit for bit, what a run of all of them gives.
/// </summary>
public sealed class BaselineRecord
{
    private BaselineRecord(VariantModel variant, ulong seed, long firstTrial, long trials, VoteStatistics[] votes, double[][] estimates, short[][][] tallies)
    {
        Tallies = tallies;
        Variant = variant;
        Seed = seed;
        FirstTrial = firstTrial;
        Trials = trials;
        Votes = votes;
        Estimates = estimates;
    }

    /// <summary>The baseline variant recorded (estimators resolved); a run reusing the record must hold this very object first.</summary>
    public VariantModel Variant { get; }

    /// <summary>The seed of the recorded run.</summary>
    public ulong Seed { get; }

    /// <summary>First trial recorded.</summary>
    public long FirstTrial { get; }

    /// <summary>Trials recorded, from <see cref="FirstTrial"/>.</summary>
    public long Trials { get; }

    /// <summary>The baseline's statistics, one per vote in the variant's order.</summary>
    public IReadOnlyList<VoteStatistics> Votes { get; }

    /// <summary>Per vote, per trial from <see cref="FirstTrial"/>: the baseline's estimate of adoption.</summary>
    internal double[][] Estimates { get; }

    /// <summary>
    /// Per vote, the baseline's yes, no and absent counts per trial from <see cref="FirstTrial"/> (<c>Tallies[vote][0..2][trial]</c>),
    /// from which a variant that changes a few members recounts a trial (<see cref="ChangedMembersPlan"/>); abstentions
    /// are the rest.
    /// </summary>
    internal short[][][] Tallies { get; }

    /// <summary>Bytes the record keeps per vote and trial: the estimate and the yes, no and absent counts.</summary>
    public const int BytesPerVoteAndTrial = sizeof(double) + (3 * sizeof(short));

    /// <summary>
    /// Whether a baseline can be recorded: one of votes only (no elections), without drift over several years (whose
    /// statistics live in the workers), of at most 2^31 - 1 trials.
    /// </summary>
    public static bool CanRecord(SimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.VoteCount > 0 && model.ElectionCount == 0 && model.Variants[0].Drift is null && model.Trials <= int.MaxValue;
    }

    /// <summary>
    /// Runs <paramref name="model"/> (estimators resolved) like <c>MonteCarloSimulator.Run</c> and records its
    /// baseline over the trials run.
    /// </summary>
    /// <exception cref="ArgumentException">The baseline cannot be recorded (<see cref="CanRecord"/>).</exception>
    public static (SimulationResult Result, BaselineRecord Record) RunAndRecord(SimulationModel model, SimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!CanRecord(model))
        {
            throw new ArgumentException("Only a baseline of votes without elections or drift, of at most 2^31 - 1 trials, is recorded.", nameof(model));
        }

        long count = options.TrialCount ?? Math.Max(0, model.Trials - options.FirstTrial);
        var recorder = new Recorder(model.Variants[0], options.FirstTrial, count);
        var result = MonteCarloSimulator.Run(model, options, recorder, null, cancellationToken);
        var votes = result.Votes.Take(model.VoteCount).ToArray();
        return (result, new BaselineRecord(model.Variants[0], model.Seed, options.FirstTrial, count, votes, recorder.Estimates, recorder.Tallies));
    }

    /// <summary>Whether the record serves a run of <paramref name="model"/> over <paramref name="firstTrial"/> and <paramref name="count"/> trials.</summary>
    internal bool Serves(SimulationModel model, long firstTrial, long count) =>
        ReferenceEquals(model.Variants[0], Variant) && model.Seed == Seed && firstTrial == FirstTrial && count == Trials;

    /// <summary>Keeps the baseline's per-trial estimates and tallies of every vote as the blocks pass.</summary>
    private sealed class Recorder(VariantModel baseline, long firstTrial, long count) : ITrialBlockSink
    {
        public double[][] Estimates { get; } = baseline.Votes.Select(_ => new double[count]).ToArray();

        public short[][][] Tallies { get; } = baseline.Votes.Select(_ => new[] { new short[count], new short[count], new short[count] }).ToArray();

        public void Write(TrialBlock block)
        {
            int offset = (int)(block.FirstTrial - firstTrial);
            for (int j = 0; j < Estimates.Length; j++)
            {
                var columns = block[0, j];
                bool exact = baseline.Votes[j].Estimator == OutcomeEstimator.ExactConditional;
                var target = Estimates[j].AsSpan(offset, block.Count);
                for (int r = 0; r < block.Count; r++)
                {
                    target[r] = exact ? columns.ExactProbability[r] : (columns.Adopted[r] ? 1.0 : 0.0);
                }

                columns.Yes.AsSpan(0, block.Count).CopyTo(Tallies[j][0].AsSpan(offset));
                columns.No.AsSpan(0, block.Count).CopyTo(Tallies[j][1].AsSpan(offset));
                columns.Absent.AsSpan(0, block.Count).CopyTo(Tallies[j][2].AsSpan(offset));
            }
        }
    }
}
