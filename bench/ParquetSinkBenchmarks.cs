using BenchmarkDotNet.Attributes;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Bench;

/// <summary>
/// <see cref="ParquetTrialSink"/> writing the trial table of ga-8-blocs into a <see cref="MemoryStream"/>:
/// creating the sink, writing <see cref="Blocks"/> blocks of <see cref="BlockTrials"/> trials (two row groups),
/// and completing the file. The reported time is per row (one row per trial, variant and vote).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class ParquetSinkBenchmarks : IDisposable
{
    /// <summary>Trials per block, as the runner's default block size times eight.</summary>
    public const int BlockTrials = 65536;

    /// <summary>Blocks written per file: 2^21 rows, sixteen of the sink's row groups.</summary>
    public const int Blocks = 32;

    /// <summary>Rows per file (the workload has one variant and one vote).</summary>
    public const int Rows = BlockTrials * Blocks;

    private SimulationModel _model = null!;
    private TrialBlock _block = null!;
    private Provenance _provenance = null!;
    private MemoryStream _stream = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = Workloads.Load("ga-8-blocs.yaml");
        if (_model.Variants.Count * _model.VoteCount != 1)
        {
            throw new InvalidOperationException("ga-8-blocs.yaml must have one variant and one vote (one row per trial).");
        }

        // One block of real trials, written again and again under advancing trial numbers.
        _block = Workloads.NewBlock(_model, BlockTrials);
        new TrialKernel(_model).Run(_block, 0, BlockTrials);
        _provenance = new Provenance("ga-8-blocs", Workloads.PathOf("ga-8-blocs.yaml"), new string('0', 64), _model.Seed, Rows, "0/1", DateTimeOffset.UnixEpoch);
        _stream = new MemoryStream(64 << 20);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> WriteTrialsParquet()
    {
        _stream.SetLength(0);
        await using (var sink = await ParquetTrialSink.CreateAsync(_model, _stream, _provenance, CancellationToken.None).ConfigureAwait(false))
        {
            for (int b = 0; b < Blocks; b++)
            {
                _block.FirstTrial = (long)b * BlockTrials;
                sink.Write(_block);
            }

            await sink.CompleteAsync().ConfigureAwait(false);
        }

        return _stream.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _stream?.Dispose();
        GC.SuppressFinalize(this);
    }
}
