namespace StemSimulator.Scenarios.Councils;

/// <summary>
/// A custom council file for <c>stemsim power --council FILE</c>: seat classes and the decision rule. Keys are
/// snake_case in YAML.
/// </summary>
/// <example>
/// <code>
/// council: two-to-block
/// description: The current Council where a veto needs two permanent members.
/// quota: 9                # weight of yes votes needed
/// veto_blocking: 2        # veto holders who together block (default 1: each has a veto)
/// seats:
///   - { type: permanent, veto: true, members: [CHN, FRA, GBR, RUS, USA] }
///   - { type: elected, count: 10 }
/// </code>
/// </example>
public sealed class CouncilDocument
{
    /// <summary>The council's name: lower-case letters, digits and hyphens (the <c>council</c> column).</summary>
    public required string Council { get; init; }

    /// <summary>One or two sentences on the model and where it comes from.</summary>
    public string? Description { get; init; }

    /// <summary>Weight of yes votes a decision needs: 1 to the total weight of all seats.</summary>
    public required int Quota { get; init; }

    /// <summary>How many veto holders voting not-yes together block a decision: 1 (default) to the number of veto holders.</summary>
    public int? VetoBlocking { get; init; }

    /// <summary>The seat classes; members of one class are treated alike.</summary>
    public required SeatClassDocument[] Seats { get; init; }
}
