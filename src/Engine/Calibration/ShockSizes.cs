namespace StemSimulator.Engine.Calibration;

/// <summary>The shock sizes matched by <see cref="ShockMatching"/>: what a calibration ships for scenarios.</summary>
/// <param name="Sizes">
/// Standard deviations of the latent shocks (0 or more): the global shock first, then one per shock group in the order
/// of <see cref="Backtesting.ShockBlocs.Names"/>.
/// </param>
/// <param name="OutOfSampleRollCalls">
/// How many out-of-sample roll calls the global shock was matched on, or null when it was matched in sample.
/// </param>
public sealed record ShockSizes(IReadOnlyList<double> Sizes, int? OutOfSampleRollCalls);
