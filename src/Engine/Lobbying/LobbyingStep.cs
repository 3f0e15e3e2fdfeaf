namespace StemSimulator.Engine.Lobbying;

/// <summary>One member won over by the optimiser, and what it brought.</summary>
/// <param name="Code">ISO3 code of the member added.</param>
/// <param name="PAdopted">P(adopted) with every member chosen so far won over.</param>
/// <param name="Gain">The increase in P(adopted) this member brought.</param>
/// <param name="Evaluated">Candidates evaluated at this step (fewer than all when the lazy bound allowed).</param>
public sealed record LobbyingStep(string Code, double PAdopted, double Gain, int Evaluated);
