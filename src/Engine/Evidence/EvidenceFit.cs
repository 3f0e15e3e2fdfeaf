using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Evidence;

/// <summary>An evidence roll call's fitted parameters.</summary>
/// <param name="Id">The roll call.</param>
/// <param name="Parameters">MAP (beta, tau_1, tau_2) given the members' positions before the roll call's year's update.</param>
/// <param name="Covariance">Laplace covariance, row-major 3 x 3 in (beta, tau_1, tau_2).</param>
/// <param name="Votes">Votes it was fitted on.</param>
public sealed record EvidenceFit(string Id, RollCallParameters Parameters, IReadOnlyList<double> Covariance, int Votes);
