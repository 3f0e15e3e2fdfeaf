using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// A member's settings after stacking the layers that may set them (scenario, vote, variant, variant vote):
/// later layers win field by field; a certain vote and the three probabilities replace each other as a unit.
/// </summary>
internal sealed record MemberLayers(
    VoteChoiceName? Vote = null,
    double Shift = 0,
    double? PYes = null,
    double? PAbstain = null,
    double? PNo = null,
    double? Absence = null)
{
    public static MemberLayers Empty { get; } = new();

    public bool HasProbabilities => PYes is not null || PAbstain is not null || PNo is not null;

    public MemberLayers Then(MemberDocument? layer)
    {
        if (layer is null)
        {
            return this;
        }

        var next = this;
        if (layer.Vote is not null)
        {
            next = next with { Vote = layer.Vote, PYes = null, PAbstain = null, PNo = null };
        }

        if (layer.PYes is not null || layer.PAbstain is not null || layer.PNo is not null)
        {
            next = next with { Vote = null, PYes = layer.PYes, PAbstain = layer.PAbstain, PNo = layer.PNo };
        }

        if (layer.Shift is { } shift)
        {
            next = next with { Shift = shift };
        }

        if (layer.Absence is { } absence)
        {
            next = next with { Absence = absence };
        }

        return next;
    }
}
