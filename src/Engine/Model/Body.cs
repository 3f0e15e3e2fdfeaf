namespace StemSimulator.Engine.Model;

/// <summary>The organ that votes.</summary>
public enum Body : byte
{
    /// <summary>The General Assembly: all voting members.</summary>
    GeneralAssembly = 0,

    /// <summary>The Security Council: five permanent and ten elected members.</summary>
    SecurityCouncil = 1,
}
