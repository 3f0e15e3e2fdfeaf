namespace StemSimulator.Engine.Calibration;

/// <summary>Per-thread scratch space of an <see cref="IdealPointFit"/>.</summary>
internal sealed class IdealPointWorkspace(int longestChain, int dimension, int widestRollCall)
{
    public BlockTridiagonalSolver Solver { get; } = new(longestChain, dimension);

    public double[] Step { get; } = new double[longestChain * dimension];

    public double[] Trial { get; } = new double[longestChain * dimension];

    public double[] Variance { get; } = new double[longestChain * dimension * dimension];

    public double[] Covariance { get; } = new double[longestChain * dimension * dimension];

    public double[] Positions { get; } = new double[widestRollCall];

    public OrdinalVote[] Votes { get; } = new OrdinalVote[widestRollCall];
}
