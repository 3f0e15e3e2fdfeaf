namespace StemSimulator.Engine.Members;

/// <summary>One member's time in a bloc: from <paramref name="From"/> (inclusive) until <paramref name="Until"/> (exclusive, or open).</summary>
/// <param name="Code">ISO3 code of the member state.</param>
/// <param name="From">First day of membership.</param>
/// <param name="Until">First day the state is no longer a member; <see langword="null"/> while it still is.</param>
public readonly record struct BlocMembership(string Code, DateOnly From, DateOnly? Until)
{
    /// <summary>Whether this membership covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => From <= date && (Until is null || date < Until.Value);
}
