namespace StemSimulator.Engine.Evidence;

/// <summary>A member's calibrated position before the evidence: the prior of <see cref="PositionEvidence"/>.</summary>
/// <param name="Code">Unit code (ISO3), for messages and results.</param>
/// <param name="Theta">Calibrated position on the main dimension (mean 0, sd 1 over the calibration's member-years).</param>
/// <param name="StandardError">Its standard error, &gt; 0.</param>
/// <param name="SourceYear">The calibration year the position is an estimate of.</param>
public sealed record EvidenceMember(string Code, double Theta, double StandardError, int SourceYear);
