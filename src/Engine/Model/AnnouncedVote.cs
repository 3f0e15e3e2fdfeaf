using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Model;

/// <summary>A member's announced vote as the outputs name it (the description of a conditioned vote).</summary>
/// <param name="Code">ISO3 code of the member.</param>
/// <param name="Choice">What it announced.</param>
public sealed record AnnouncedVote(string Code, VoteChoice Choice);
