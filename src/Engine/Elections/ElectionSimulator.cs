using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Engine.Elections;

/// <summary>
/// Runs the elections of a model's variants over its trials, in blocks on several threads, and hands the blocks to
/// a sink in trial order. Every trial is a pure function of (seed, trial index) and all statistics are integer
/// counts, so the results are identical for any thread count, block size or shard split; variants share their
/// random numbers, so differences between them are sharp.
/// </summary>
public static class ElectionSimulator
{
    /// <summary>Runs the trials selected by <paramref name="options"/>.</summary>
    /// <param name="model">What to simulate; its variants' elections are run.</param>
    /// <param name="options">Threads, block size and the trial range.</param>
    /// <param name="sink">Receives every block in trial order; may be <see langword="null"/>.</param>
    /// <param name="progress">Told after each wave of blocks; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between waves.</param>
    public static ElectionRunResult Run(
        SimulationModel model,
        SimulationOptions options,
        IElectionBlockSink? sink = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (first, count) = TrialRange(model, options);
        var variants = model.Variants;
        var totals = variants.SelectMany(v => v.Elections.Select(e => new ElectionStatistics(v.Name, new ElectionTally(e)))).ToArray();
        int elections = variants[0].Elections.Count;
        if (elections == 0 || count == 0)
        {
            return new ElectionRunResult(first, count, totals);
        }

        // Election trials are far heavier than vote trials (many ballots of 193 members), so blocks are smaller.
        int blockSize = (int)Math.Min(Math.Min(options.BlockSize, 1024), Math.Max(1, count));
        int workers = (int)Math.Max(1, Math.Min(options.Threads, (count + blockSize - 1) / blockSize));
        int wave = workers == 1 ? 1 : workers * 2;
        var blocks = Enumerable.Range(0, wave).Select(_ => new ElectionTrialBlock(blockSize, variants)).ToArray();
        var kernels = Enumerable.Range(0, wave).Select(_ => new ElectionTrialKernel(model)).ToArray();

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
                done += Collect(blocks[k], totals, variants.Count, elections, sink);
            }

            progress?.Report(new SimulationProgress(done, count));

            void RunBlock(int k)
            {
                long blockStart = waveStart + ((long)k * blockSize);
                int n = (int)Math.Min(blockSize, first + count - blockStart);
                kernels[k].Run(blocks[k], blockStart, n);
            }
        }

        return new ElectionRunResult(first, count, totals);
    }

    /// <summary>The first trial and the number of trials to run (throws when they reach past the model's trials); then validates every election.</summary>
    private static (long First, long Count) TrialRange(SimulationModel model, SimulationOptions options)
    {
        long first = options.FirstTrial;
        long count = options.TrialCount ?? Math.Max(0, model.Trials - first);
        if (first + count > model.Trials)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Trials {first}..{first + count - 1} exceed the model's {model.Trials} trials.");
        }

        foreach (var election in model.Variants.SelectMany(v => v.Elections))
        {
            election.Validate();
        }

        return (first, count);
    }

    /// <summary>Adds a finished block's tallies to the totals (variant-major) and hands it to the sink; returns its trial count.</summary>
    private static int Collect(ElectionTrialBlock block, ElectionStatistics[] totals, int variants, int elections, IElectionBlockSink? sink)
    {
        for (int v = 0; v < variants; v++)
        {
            for (int e = 0; e < elections; e++)
            {
                totals[(v * elections) + e].Tally.Add(block[v, e].Tally);
            }
        }

        sink?.Write(block);
        return block.Count;
    }
}
