namespace StemSimulator.Runner.Serving;

/// <summary>One member state as <c>stemsim members</c> lists it.</summary>
/// <param name="Code">ISO3 code, as scenarios write it.</param>
/// <param name="Name">Name.</param>
/// <param name="RegionalGroup">UN regional group (AFRICAN_GROUP, ..., WEOG).</param>
/// <param name="Admitted">Admission date, yyyy-MM-dd.</param>
/// <param name="Blocs">The blocs it belongs to on the date.</param>
internal sealed record MemberEntry(string Code, string Name, string RegionalGroup, string Admitted, IReadOnlyList<string> Blocs);
