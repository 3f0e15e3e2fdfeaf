namespace StemSimulator.Runner.Reporting;

/// <summary>What a variant of the scenario changes, in words.</summary>
/// <param name="Description">The variant's own description, if any.</param>
/// <param name="Changes">Each change in a few words.</param>
/// <param name="ChangesAnalog">Whether it takes another analog vote or other vote parameters.</param>
/// <param name="ChangesSupport">Whether it shifts members' support (shifts, probabilities, coalitions).</param>
internal sealed record VariantChanges(string? Description, IReadOnlyList<string> Changes, bool ChangesAnalog, bool ChangesSupport);
