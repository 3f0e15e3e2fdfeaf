namespace StemSimulator.Engine.Model;

/// <summary>
/// When a vote is held: after an earlier vote of the same trial turned out a given way, and then only if its
/// sponsors table it (with probability <see cref="TablingProbability"/>). A vote with several conditions is held
/// when any of them is met; the first one met is the path the trial took (for example, a follow-up in an emergency
/// special session convened by a procedural Council vote, or by the Assembly itself).
/// </summary>
/// <param name="VoteIndex">Index of the earlier vote (in scenario order) the condition looks at.</param>
/// <param name="Outcome">What that vote must have done.</param>
/// <param name="TablingProbability">Probability, in [0, 1], that the vote is tabled once the outcome is met.</param>
/// <param name="Label">How the path is named in outputs, e.g. <c>sc-draft:vetoed</c>.</param>
public sealed record VoteCondition(int VoteIndex, ConditionOutcome Outcome, double TablingProbability, string Label);
