namespace StemSimulator.Engine.Power;

/// <summary>
/// A class of seats that the decision rule treats alike: same weight, same veto status. Members of one class are
/// symmetric players of the voting game, so they have equal power; that is what makes the exact computation by
/// class fast (<see cref="VotingPower"/>).
/// </summary>
public sealed record SeatClass
{
    /// <summary>Creates a class of seats.</summary>
    /// <param name="type">The seat type, e.g. <c>permanent</c> or <c>elected</c> (non-empty).</param>
    /// <param name="members">The seat holders' labels (ISO3 codes or seat names), at least one, unique within a council.</param>
    /// <param name="weight">Votes each seat casts, at least 1 (1 on the Security Council).</param>
    /// <param name="veto">Whether each seat of the class holds a veto (see <see cref="CouncilDefinition.VetoBlocking"/>).</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public SeatClass(string type, IReadOnlyList<string> members, int weight = 1, bool veto = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count, nameof(members));
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        if (members.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Member labels must not be empty.", nameof(members));
        }

        Type = type;
        Members = members.ToArray();
        Weight = weight;
        Veto = veto;
    }

    /// <summary>The seat type, e.g. <c>permanent</c>, <c>new_permanent</c>, <c>elected</c>.</summary>
    public string Type { get; }

    /// <summary>The seat holders, in output order; the class has <c>Members.Count</c> seats (at least 1).</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>Number of seats in the class (1 or more).</summary>
    public int Count => Members.Count;

    /// <summary>Votes each seat casts (1 or more).</summary>
    public int Weight { get; }

    /// <summary>Whether each seat holds a veto.</summary>
    public bool Veto { get; }
}
