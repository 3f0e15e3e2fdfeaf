using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace StemSimulator.Bench;

/// <summary>
/// Adds the operations-per-second column. Every benchmark sets <c>OperationsPerInvoke</c> to the trials (or rows)
/// it processes, so Mean is the time per trial (row) and Op/s is trials (rows) per second on one core.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
