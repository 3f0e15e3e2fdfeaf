namespace StemSimulator.Engine.Model;

/// <summary>An outcome of an earlier vote that a later vote can wait for.</summary>
public enum ConditionOutcome : byte
{
    /// <summary>The earlier vote was held and one or more permanent members vetoed it (decisive or not).</summary>
    Vetoed = 0,

    /// <summary>The earlier vote was held and adopted.</summary>
    Adopted = 1,

    /// <summary>The earlier vote was held and not adopted (vetoed or short of the majority).</summary>
    Failed = 2,

    /// <summary>The earlier vote was held, whatever its outcome.</summary>
    Held = 3,
}
