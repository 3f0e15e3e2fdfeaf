using System.Runtime.CompilerServices;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Worker threads that fill a ring of trial blocks ahead of a single consumer, who takes them strictly in order.
/// Block k lives in slot k mod ring; a worker may start it only once block k - ring has been released.
/// </summary>
internal sealed class BlockPipeline : IDisposable
{
    private readonly object _gate = new();
    private readonly TrialBlock[] _slots;
    private readonly long[] _filled;
    private readonly Thread[] _threads;
    private readonly long _blockCount;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private long _next;
    private long _released;
    private bool _stopping;
    private Exception? _failure;

    public BlockPipeline(
        int workers,
        int ring,
        long blockCount,
        VotePlan[][] plans,
        int blockSize,
        Action<TrialKernel, TrialBlock, long> fill,
        Func<TrialKernel> newKernel,
        bool memberChoices,
        CancellationToken cancellationToken)
    {
        _blockCount = blockCount;
        _cancellationToken = cancellationToken;
        _slots = Enumerable.Range(0, ring).Select(_ => TrialKernel.NewBlock(plans, blockSize, memberChoices)).ToArray();
        _filled = Enumerable.Repeat(-1L, ring).ToArray();
        _registration = cancellationToken.Register(Stop);
        _threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            var kernel = newKernel();
            _threads[w] = new Thread(() => Work(kernel, fill)) { IsBackground = true, Name = $"stemsim-worker-{w}" };
            _threads[w].Start();
        }
    }

    // Take and Release are AggressiveOptimization for the reason given at MonteCarloSimulator.AddBlock.
    /// <summary>Waits for block <paramref name="k"/> and returns it; the caller must <see cref="Release"/> it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrialBlock Take(long k)
    {
        int slot = (int)(k % _slots.Length);
        lock (_gate)
        {
            while (_filled[slot] != k)
            {
                ThrowIfStopped();
                Monitor.Wait(_gate);
            }
        }

        return _slots[slot];
    }

    /// <summary>Frees block <paramref name="k"/>'s buffer for block k + ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Release(long k)
    {
        lock (_gate)
        {
            _released = k + 1;
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        Stop();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _registration.Dispose();
    }

    private void Work(TrialKernel kernel, Action<TrialKernel, TrialBlock, long> fill)
    {
        try
        {
            while (true)
            {
                long k = Interlocked.Increment(ref _next) - 1;
                if (k >= _blockCount)
                {
                    return;
                }

                int slot = (int)(k % _slots.Length);
                lock (_gate)
                {
                    while (_released <= k - _slots.Length && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopping)
                    {
                        return;
                    }
                }

                fill(kernel, _slots[slot], k);
                lock (_gate)
                {
                    _filled[slot] = k;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure ??= e;
                _stopping = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
    }

    // AggressiveOptimization: Take calls it while it waits (compiled by KernelWarmUp with Take, not re-compiled in a run).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ThrowIfStopped()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException("A simulation worker failed.", _failure);
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (_stopping)
        {
            throw new OperationCanceledException(_cancellationToken);
        }
    }
}
