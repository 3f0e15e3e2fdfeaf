using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Runs a model's trials in blocks on several threads and hands the blocks to a sink in trial order. Memory is
/// bounded by a few blocks per thread, whatever the number of trials; results are identical for any thread count
/// and block size, because every trial is a pure function of (seed, trial index) and all sums are exact.
/// </summary>
public static class MonteCarloSimulator
{
    /// <summary>Runs the trials selected by <paramref name="options"/>.</summary>
    /// <param name="model">What to simulate.</param>
    /// <param name="options">Threads, block size and the trial range.</param>
    /// <param name="sink">Receives every block in trial order; may be <see langword="null"/>.</param>
    /// <param name="progress">Told after each wave of blocks; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between waves.</param>
    public static SimulationResult Run(
        SimulationModel model,
        SimulationOptions options,
        ITrialBlockSink? sink = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options.Validate();
        long first = options.FirstTrial;
        long count = options.TrialCount ?? Math.Max(0, model.Trials - first);
        if (first + count > model.Trials)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Trials {first}..{first + count - 1} exceed the model's {model.Trials} trials.");
        }

        var statistics = model.Variants
            .SelectMany(v => v.Votes.Select(vote => new VoteStatistics(v.Name, vote)))
            .ToArray();
        int votes = model.VoteCount;
        int blockSize = (int)Math.Min(options.BlockSize, Math.Max(1, count));
        int workers = (int)Math.Max(1, Math.Min(options.Threads, (count + blockSize - 1) / blockSize));
        int wave = workers == 1 ? 1 : workers * 2;
        var blocks = new TrialBlock[wave];
        var kernels = new TrialKernel[wave];
        var plans = TrialKernel.Plan(model);
        for (int k = 0; k < wave; k++)
        {
            blocks[k] = TrialKernel.NewBlock(plans, blockSize);
            kernels[k] = new TrialKernel(model, plans);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        long done = 0;
        while (done < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long waveStart = first + done;
            int blocksInWave = (int)Math.Min(wave, (count - done + blockSize - 1) / blockSize);
            if (blocksInWave == 1)
            {
                RunBlock(0);
            }
            else
            {
                Parallel.For(0, blocksInWave, parallel, RunBlock);
            }

            for (int k = 0; k < blocksInWave; k++)
            {
                var block = blocks[k];
                for (int s = 0; s < statistics.Length; s++)
                {
                    statistics[s].Add(block[s / votes, s % votes], block.Count);
                }

                sink?.Write(block);
                done += block.Count;
            }

            progress?.Report(new SimulationProgress(done, count));

            void RunBlock(int k)
            {
                long blockStart = waveStart + ((long)k * blockSize);
                int n = (int)Math.Min(blockSize, first + count - blockStart);
                kernels[k].Run(blocks[k], blockStart, n);
            }
        }

        return new SimulationResult(first, count, statistics);
    }
}
