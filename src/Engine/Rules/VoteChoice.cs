namespace StemSimulator.Engine.Rules;

/// <summary>What one member does on one recorded vote.</summary>
public enum VoteChoice : byte
{
    /// <summary>Votes in favour.</summary>
    Yes = 0,

    /// <summary>Abstains: present but not voting (not counted among those present and voting, rule 86).</summary>
    Abstain = 1,

    /// <summary>Votes against; for a permanent Council member on a substantive question, a veto.</summary>
    No = 2,

    /// <summary>Absent or without a vote (Art. 19); not counted among those present and voting.</summary>
    Absent = 3,
}
