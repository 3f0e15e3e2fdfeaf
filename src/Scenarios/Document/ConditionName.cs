namespace StemSimulator.Scenarios.Document;

/// <summary>An earlier vote's outcome, as written in <c>after: { if: ... }</c>.</summary>
public enum ConditionName
{
    /// <summary>One or more permanent members vetoed it.</summary>
    Vetoed,

    /// <summary>It was adopted.</summary>
    Adopted,

    /// <summary>It was not adopted (vetoed or short of the majority).</summary>
    Failed,

    /// <summary>It was held, whatever its outcome.</summary>
    Held,
}
