namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// A member state's position on the main dimension of General Assembly voting, as shipped in the embedded
/// reference data (interim: a conversion of the Bailey-Strezhnev-Voeten ideal points, see
/// <c>ReferenceData/SOURCES.md</c>).
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-3 code of the member state, upper case.</param>
/// <param name="Year">Calendar year the position is meant to describe (2019 for the interim table).</param>
/// <param name="Theta">
/// Ideal point on the Bailey-Strezhnev-Voeten scale: higher means closer to the United States / Western
/// positions, lower means further away. Unbounded in principle; observed values lie roughly in [-3, 3].
/// </param>
/// <param name="ThetaStandardError">
/// Standard error of <paramref name="Theta"/>: the 90% posterior interval (Q95 - Q5) divided by 2 x 1.6449.
/// Always greater than 0.
/// </param>
/// <param name="AbsenceRate">
/// Share of recorded General Assembly roll calls in sessions 66-70 (2011-2015) at which the member was absent,
/// in [0, 1].
/// </param>
/// <param name="SourceYear">
/// Year of the ideal-point session the values come from (1945 + session); equals <paramref name="Year"/> unless
/// the member had no estimate for that year and its latest earlier estimate was used.
/// </param>
public sealed record MemberPosition(string Code, int Year, double Theta, double ThetaStandardError, double AbsenceRate, int SourceYear);
