namespace StemSimulator.Engine.Power;

/// <summary>The exact voting power of every seat class and member of a council.</summary>
/// <param name="Council">The council.</param>
/// <param name="Classes">Power per seat, one entry per class of <see cref="CouncilDefinition.Classes"/>, same order.</param>
public sealed record CouncilPower(CouncilDefinition Council, IReadOnlyList<SeatClassPower> Classes)
{
    /// <summary>One row per member, classes in order and members in each class's order.</summary>
    public IReadOnlyList<MemberPower> Members() =>
        Classes.SelectMany(c => c.Class.Members.Select(m => new MemberPower(m, c.Class.Type, c.Class.Veto, c.Class.Weight, c.PerSeat))).ToArray();
}
