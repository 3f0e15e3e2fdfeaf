using System.Globalization;
using System.Text;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.ReferenceData;

/// <summary>
/// The embedded calibration against independent truth: the Bailey-Strezhnev-Voeten ideal points (the field's
/// reference estimates, ../shared/data/un/voeten_idealpoints) and the recorded counts of the analog roll calls.
/// </summary>
[TestFixture]
public sealed class CalibrationAgreementTests
{
    private static ReferenceCatalog Catalog => ReferenceCatalog.Embedded;

    [Test]
    public void Positions_correlate_with_the_Bailey_Strezhnev_Voeten_ideal_points_in_every_session_2000_2019()
    {
        var members = SharedData.ReadCsv(Path.Combine("countries", "un_member_states_2025.csv"))
            .ToDictionary(r => r["cow_ccode"].Split(';')[0], r => r["iso3"], StringComparer.Ordinal);
        var ideal = SharedData.ReadCsv(Path.Combine("voeten_idealpoints", "IdealpointestimatesAll_Apr2020.csv"), Encoding.Latin1);
        for (int year = 2000; year <= 2019; year++)
        {
            string session = (year - 1945).ToString(CultureInfo.InvariantCulture);
            var pairs = ideal
                .Where(r => r["session"] == session && members.ContainsKey(r["ccode"]))
                .Select(r => (Ours: Catalog.Calibration.Find(members[r["ccode"]], year), Theirs: double.Parse(r["IdealPoint"], CultureInfo.InvariantCulture)))
                .Where(p => p.Ours is not null && p.Ours.SourceYear == year)
                .Select(p => (p.Ours!.Theta, p.Theirs))
                .ToArray();

            Assert.That(pairs, Has.Length.GreaterThan(170), $"{year}: members with both estimates");
            Assert.That(Correlation(pairs), Is.GreaterThanOrEqualTo(0.9), $"{year}: correlation with BSV");
        }
    }

    [Test]
    public void The_analog_of_the_Ukraine_resolution_reproduces_its_recorded_counts()
    {
        // A/RES/68/262 (27 March 2014): 100 yes, 11 no, 58 abstentions, 24 absent. The calibrated parameters applied
        // to the 2013 positions (the session's year) must give expected counts close to the record.
        var analog = Catalog.RollCalls.Find("A/RES/68/262", out var problem);
        Assert.That(analog, Is.Not.Null, problem);
        Assert.That((analog!.Yes, analog.No, analog.Abstain), Is.EqualTo((100, 11, 58)));

        double yes = 0, no = 0, abstain = 0;
        foreach (var state in Catalog.States.Where(s => s.IsVotingMemberOn(analog.Date)))
        {
            var position = Catalog.Calibration.Find(state.Code, analog.Year)!;
            double eta = analog.Beta * position.PositionFor(analog.IssueMask);
            double present = 1 - position.AbsenceRate;
            double pNo = StemSimulator.Engine.Randomness.StandardNormal.Cdf(analog.Tau1 - eta);
            double pYes = 1 - StemSimulator.Engine.Randomness.StandardNormal.Cdf(analog.Tau2 - eta);
            yes += present * pYes;
            no += present * pNo;
            abstain += present * (1 - pYes - pNo);
        }

        Assert.That(yes, Is.EqualTo(100).Within(12));
        Assert.That(no, Is.EqualTo(11).Within(6));
        Assert.That(abstain, Is.EqualTo(58).Within(12));
    }

    private static double Correlation(IReadOnlyList<(double A, double B)> pairs)
    {
        double ma = pairs.Average(p => p.A), mb = pairs.Average(p => p.B);
        double sab = pairs.Sum(p => (p.A - ma) * (p.B - mb));
        double saa = pairs.Sum(p => (p.A - ma) * (p.A - ma));
        double sbb = pairs.Sum(p => (p.B - mb) * (p.B - mb));
        return sab / Math.Sqrt(saa * sbb);
    }
}
