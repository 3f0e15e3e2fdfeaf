namespace StemSimulator.Scenarios.Document;

/// <summary>
/// A condition for holding a vote: an earlier vote's outcome, then tabling with some probability. A vote may list
/// several (for example a follow-up reached through a procedural Council vote or through the Assembly); it is held
/// when any is met, and the first met is the path the trial took.
/// </summary>
public sealed class AfterDocument
{
    /// <summary>Id of an earlier vote of the scenario.</summary>
    public required string Vote { get; init; }

    /// <summary>The earlier vote's outcome that triggers this one: vetoed, adopted, failed or held.</summary>
    public required ConditionName If { get; init; }

    /// <summary>
    /// Probability (0 to 1) that the sponsors table the vote once the condition is met. Default for an Assembly vote
    /// after a veto: 0.34, the share of the 47 veto events of 1991-2021 followed by a recorded Assembly vote on the same
    /// subject within 90 days (90% interval 0.24-0.46; docs/veto-record.md); otherwise 1.
    /// </summary>
    public double? Tabled { get; init; }
}
