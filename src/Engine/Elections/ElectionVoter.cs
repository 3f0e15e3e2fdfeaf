using StemSimulator.Engine.Members;

namespace StemSimulator.Engine.Elections;

/// <summary>A member of the General Assembly casting ballots in an election.</summary>
/// <param name="Code">ISO3 code.</param>
/// <param name="RosterIndex">Index in the reference roster; keys the member's position draw, shared with the votes of the same trial.</param>
/// <param name="Theta">Calibrated position (the votes' common dimension).</param>
/// <param name="ThetaStandardError">Standard error of <paramref name="Theta"/>, &gt;= 0; the position is drawn per trial as Theta + se z.</param>
/// <param name="Group">Regional group, for regional solidarity.</param>
/// <param name="Absence">Probability of missing a ballot, 0 to 1.</param>
/// <param name="HasVote">False for a member without a vote under Art. 19 (always absent).</param>
/// <param name="BlocMask">Bit b set when the member belongs to shocked bloc b of <see cref="ElectionShocks.BlocNames"/>.</param>
public readonly record struct ElectionVoter(
    string Code,
    int RosterIndex,
    double Theta,
    double ThetaStandardError,
    RegionalGroup Group,
    double Absence,
    bool HasVote,
    ulong BlocMask);
