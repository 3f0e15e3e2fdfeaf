namespace StemSimulator.Engine.Model;

/// <summary>What holds a conditional vote: an earlier vote and the outcome of it that triggers this one.</summary>
/// <param name="VoteId">The earlier vote.</param>
/// <param name="Outcome">Its outcome that triggers the vote.</param>
public sealed record VoteTrigger(string VoteId, ConditionOutcome Outcome);
