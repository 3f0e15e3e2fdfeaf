namespace StemSimulator.Engine.Simulation;

/// <summary>How one member voted on one vote across the trials, and how often its vote decided the outcome.</summary>
/// <param name="Code">ISO3 code.</param>
/// <param name="PYes">Share of trials voting yes.</param>
/// <param name="PAbstain">Share abstaining.</param>
/// <param name="PNo">Share voting no.</param>
/// <param name="PAbsent">Share absent or without a vote.</param>
/// <param name="Swing">
/// P(adopted | the member votes yes) - P(adopted | it votes no), everyone else voting as sampled: the share of
/// trials in which the member's vote is pivotal. In [0, 1].
/// </param>
public sealed record MemberVoteStatistics(string Code, double PYes, double PAbstain, double PNo, double PAbsent, double Swing);
