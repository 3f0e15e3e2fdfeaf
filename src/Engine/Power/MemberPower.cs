namespace StemSimulator.Engine.Power;

/// <summary>One member's voting power in a council: one row of <c>power.parquet</c>.</summary>
/// <param name="Member">The member's label (ISO3 code or seat name).</param>
/// <param name="Type">Its seat type, e.g. <c>permanent</c>.</param>
/// <param name="Veto">Whether it holds a veto.</param>
/// <param name="Weight">Votes it casts (1 or more).</param>
/// <param name="Power">Its Shapley-Shubik and Banzhaf indices.</param>
public readonly record struct MemberPower(string Member, string Type, bool Veto, int Weight, PowerIndices Power);
