using System.Runtime.CompilerServices;
using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Runs a model's trials in blocks on several threads and hands the blocks to a sink in trial order. Memory is
/// bounded by two blocks per worker, whatever the number of trials; results are identical for any thread count
/// and block size, because every trial is a pure function of (seed, trial index) and all sums are exact.
/// </summary>
/// <remarks>
/// Workers take block numbers in order and fill a ring of 2 x workers block buffers; the calling thread consumes
/// the blocks strictly in order (statistics, then the sink) and frees each buffer for the block that comes one
/// ring later. So the workers keep simulating while the caller aggregates and the sink copies rows.
/// </remarks>
public static class MonteCarloSimulator
{
    /// <summary>Runs the trials selected by <paramref name="options"/>.</summary>
    /// <param name="model">What to simulate.</param>
    /// <param name="options">Threads, block size and the trial range.</param>
    /// <param name="sink">Receives every block in trial order; may be <see langword="null"/>.</param>
    /// <param name="progress">Told as blocks complete; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run within a block.</param>
    public static SimulationResult Run(
        SimulationModel model,
        SimulationOptions options,
        ITrialBlockSink? sink = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(model, options, null, sink, progress, cancellationToken);

    /// <summary>
    /// Runs the trials selected by <paramref name="options"/> with the baseline taken from <paramref name="baseline"/>,
    /// recorded by an earlier run of the same baseline variant over the same trials: only the other variants are
    /// simulated, and the result is, bit for bit, that of <see cref="Run(SimulationModel, SimulationOptions, ITrialBlockSink?, IProgress{SimulationProgress}?, CancellationToken)"/>.
    /// Blocks handed to a sink then hold no baseline rows.
    /// </summary>
    /// <param name="model">What to simulate; its first variant must be <see cref="BaselineRecord.Variant"/> of <paramref name="baseline"/>.</param>
    /// <param name="options">Threads, block size and the trial range (the record's).</param>
    /// <param name="baseline">The recorded baseline, or null to simulate it.</param>
    /// <param name="sink">Receives every block in trial order; may be <see langword="null"/>.</param>
    /// <param name="progress">Told as blocks complete; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run within a block.</param>
    /// <exception cref="ArgumentException">The record is not of this model's baseline over these trials.</exception>
    public static SimulationResult Run(
        SimulationModel model,
        SimulationOptions options,
        BaselineRecord? baseline,
        ITrialBlockSink? sink,
        IProgress<SimulationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var (first, count) = TrialRange(model, options, baseline);
        var statistics = model.Variants
            .SelectMany((v, i) => i == 0 && baseline is not null ? baseline.Votes : v.Votes.Select(vote => new VoteStatistics(v.Name, vote.Description)))
            .ToArray();
        if (count == 0)
        {
            return new SimulationResult(first, 0, statistics);
        }

        int blockSize = (int)Math.Min(options.BlockSize, count);
        long blockCount = (count + blockSize - 1) / blockSize;
        int workers = (int)Math.Min(options.Threads, blockCount);
        var plans = TrialKernel.Plan(model);
        var kernels = new List<TrialKernel>();
        int simulatedFrom = baseline is null ? 0 : 1;
        var changed = baseline is null ? null : ChangedMembersPlan.ForRun(model, plans, baseline);
        using var pipeline = new BlockPipeline(workers, RingSize(workers, plans, blockSize, blockCount, options.MemberChoices), blockCount, plans, blockSize,
            // Once a block on each worker: fully optimised at its first call, as the kernel it calls, instead of
            // tier 0 and then a tier-1 re-compilation while the workers run.
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] (kernel, block, k) =>
            {
                long start = first + (k * blockSize);
                kernel.Run(block, start, (int)Math.Min(blockSize, first + count - start));
            },
            () =>
            {
                var kernel = new TrialKernel(model, plans, simulatedFrom, changed);
                kernels.Add(kernel);
                return kernel;
            },
            options.MemberChoices,
            cancellationToken);

        int votes = model.VoteCount;
        long done = 0;
        long reportEvery = Math.Max(1, blockCount / 200);
        for (long k = 0; k < blockCount; k++)
        {
            var block = pipeline.Take(k);
            AddBlock(statistics, block, votes, baseline, first);
            sink?.Write(block);
            done += block.Count;
            pipeline.Release(k);
            if (progress is not null && (k % reportEvery == 0 || k == blockCount - 1))
            {
                progress.Report(new SimulationProgress(done, count));
            }
        }

        pipeline.Dispose();
        AddUnchangedMemberCounts(statistics, changed, baseline, votes);
        return new SimulationResult(first, count, statistics) { Drift = MergeDrift(model, kernels) };
    }

    /// <summary>Checks the model and options and returns the trials to run.</summary>
    private static (long First, long Count) TrialRange(SimulationModel model, SimulationOptions options, BaselineRecord? baseline)
    {
        ArgumentNullException.ThrowIfNull(model);
        options.Validate();
        if (model.Variants.SelectMany(v => v.Votes).Any(v => v.Estimator == OutcomeEstimator.Automatic))
        {
            throw new ArgumentException("Resolve automatic estimators with EstimatorSelection.Resolve before running.", nameof(model));
        }

        long first = options.FirstTrial;
        long count = options.TrialCount ?? Math.Max(0, model.Trials - first);
        if (first + count > model.Trials)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Trials {first}..{first + count - 1} exceed the model's {model.Trials} trials.");
        }

        if (baseline is not null && options.MemberChoices)
        {
            throw new ArgumentException("A recorded baseline holds no member votes; run without MemberChoices.", nameof(options));
        }

        if (baseline is not null && !baseline.Serves(model, first, count))
        {
            throw new ArgumentException("The recorded baseline is not this model's baseline over these trials.", nameof(baseline));
        }

        return (first, count);
    }

    /// <summary>
    /// Adds a block to the statistics of every simulated variant and vote (the baseline's come whole from
    /// <paramref name="baseline"/> when it is given), and the what-ifs' paired differences.
    /// </summary>
    // AggressiveOptimization (compiled by KernelWarmUp): called once a block, it was precompiled, then re-compiled
    // twice (instrumented, then tier 1) by the tiering's background compiler while the workers needed the cores.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddBlock(VoteStatistics[] statistics, TrialBlock block, int votes, BaselineRecord? baseline, long first)
    {
        for (int s = baseline is null ? 0 : votes; s < statistics.Length; s++)
        {
            statistics[s].Add(block[s / votes, s % votes], block.Count);
            statistics[s].AddGivenDraws(block.GivenDraws[s / votes]);
            if (s < votes)
            {
                continue;
            }

            if (baseline is null)
            {
                statistics[s].AddPaired(block[s / votes, s % votes], block[0, s % votes], block.Count, statistics[s % votes].Vote.Estimator);
            }
            else
            {
                statistics[s].AddPaired(block[s / votes, s % votes], baseline.Estimates[s % votes].AsSpan((int)(block.FirstTrial - first), block.Count), block.Count);
            }
        }
    }

    /// <summary>
    /// The vote counts of the members a what-if left unchanged, in the votes simulated through their changed members
    /// only: the baseline's, since they voted as in the baseline in every trial (their swings were counted).
    /// </summary>
    private static void AddUnchangedMemberCounts(VoteStatistics[] statistics, ChangedMembersPlan?[][]? changed, BaselineRecord? baseline, int votes)
    {
        if (changed is null || baseline is null)
        {
            return;
        }

        for (int v = 1; v < changed.Length; v++)
        {
            for (int j = 0; j < votes; j++)
            {
                if (changed[v][j] is { } delta)
                {
                    statistics[(v * votes) + j].AddUnchangedMemberCounts(baseline.Votes[j], delta.Unchanged);
                }
            }
        }
    }

    /// <summary>The drift statistics of all workers, added (integer counts: the order does not matter).</summary>
    private static List<Drift.DriftStatistics> MergeDrift(SimulationModel model, List<TrialKernel> kernels)
    {
        var merged = new List<Drift.DriftStatistics>();
        for (int v = 0; v < model.Variants.Count; v++)
        {
            if (model.Variants[v].Drift is not { } drift)
            {
                continue;
            }

            var total = new Drift.DriftStatistics(model.Variants[v].Name, drift, drift.Centres.Select(c => c.Label).ToArray(), model.Variants[v].Votes.Count);
            foreach (var kernel in kernels)
            {
                total.Add(kernel.DriftStatistics[v]!);
            }

            merged.Add(total);
        }

        return merged;
    }

    /// <summary>
    /// Blocks the workers may run ahead of the consumer: enough to keep them busy while the consumer writes a
    /// Parquet row group (a fraction of a second), at most about 32 MB of block buffers.
    /// </summary>
    private static int RingSize(int workers, VotePlan[][] plans, int blockSize, long blockCount, bool memberChoices)
    {
        long bytesPerBlock = plans.SelectMany(p => p).Sum(p => (blockSize * (18L + (memberChoices ? p.Count : 0))) + (p.Padded * 40L));
        long byBudget = (32L << 20) / Math.Max(1, bytesPerBlock);
        // A run of few blocks never needs more buffers than blocks (a what-if of 100,000 trials is 13).
        return (int)Math.Min(blockCount, Math.Clamp(byBudget, 2L * workers, 16L * workers));
    }
}
