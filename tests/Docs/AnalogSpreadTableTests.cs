using System.Globalization;
using System.Text.RegularExpressions;
using StemSimulator.Engine.Model;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Docs;

/// <summary>
/// The measured analog shifts in the code (<see cref="AnalogSpreads"/>) are the ones the study chose: the rows of
/// the committed table in docs/calibration.md ("Analog spread by kind") that name each kind's chosen shift on the
/// choosing years ("normal 0.60", "mixture p=0.05 2.00/2.50", "anchored 0.30", "anchored-mixture p=0.05 0.18/2.50",
/// "population 3 sessions 0.00"), and the unanchored shapes the rows "stemsim unanchored".
/// </summary>
public sealed partial class AnalogSpreadTableTests
{
    [TestCase(AnalogKind.Repeat)]
    [TestCase(AnalogKind.SameSubject)]
    [TestCase(AnalogKind.SameIssue)]
    public void The_constants_are_the_shift_the_study_chose(AnalogKind kind)
    {
        string cell = Row(kind, "stemsim", "2000-2009");
        var population = Population().Match(cell);
        if (population.Success)
        {
            Assert.That(AnalogSpreads.PopulationSessions(kind), Is.EqualTo(int.Parse(population.Groups["k"].Value, CultureInfo.InvariantCulture)));
            double jitter = double.Parse(population.Groups["s"].Value, CultureInfo.InvariantCulture);
            Assert.That(AnalogSpreads.Shift(kind), Is.EqualTo(AnalogShiftDistribution.Normal(jitter)));
            // "floor f": a population of one text takes jitter f.
            double oneText = population.Groups["f"].Success ? double.Parse(population.Groups["f"].Value, CultureInfo.InvariantCulture) : jitter;
            Assert.That(AnalogSpreads.Of(kind).PopulationJitter, Is.EqualTo(PopulationJitter.Fixed(jitter, oneText)));
            // A repeat that cannot draw its own votes (evidence known by its totals) is anchored on the analog alone.
            Assert.That(AnalogSpreads.AnchorsOnCount(kind), Is.EqualTo(kind == AnalogKind.Repeat));
            return;
        }

        var (shift, anchored) = Parse(cell);
        Assert.That(AnalogSpreads.PopulationSessions(kind), Is.Zero);
        Assert.That(AnalogSpreads.Shift(kind), Is.EqualTo(shift));
        Assert.That(AnalogSpreads.AnchorsOnCount(kind), Is.EqualTo(anchored));
    }

    [TestCase(AnalogKind.SameSubject)]
    [TestCase(AnalogKind.SameIssue)]
    public void A_kind_without_a_population_takes_its_unanchored_row(AnalogKind kind)
    {
        var (shift, anchored) = Parse(Row(kind, "stemsim unanchored", "2000-2009"));

        Assert.That(anchored, Is.False);
        Assert.That(AnalogSpreads.UnanchoredShift(kind), Is.EqualTo(shift));
    }

    [Test]
    public void An_unanchored_repeat_takes_the_best_normal_shift_of_the_study()
    {
        var (shift, anchored) = Parse(Row(AnalogKind.Repeat, "stemsim", "2010-2019", normal: true));

        Assert.That(anchored, Is.False);
        Assert.That(AnalogSpreads.RepeatUnanchored, Is.EqualTo(shift));
    }

    private static string Row(AnalogKind kind, string model, string years, bool normal = false)
    {
        string name = AnalogSpreads.Name(kind);
        var rows = File.ReadLines(Path.Combine(RepositoryPaths.Root, "docs", "calibration.md"))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 5 && cells[1] == name && cells[2] == model && cells[4] == years && cells[3].StartsWith("normal ", StringComparison.Ordinal) == normal)
            .ToArray();

        Assert.That(rows, Has.Length.EqualTo(1), $"one row of {years} for {name} in docs/calibration.md");
        return rows[0][3];
    }

    private static (AnalogShiftDistribution Shift, bool Anchored) Parse(string cell)
    {
        var match = Shape().Match(cell);
        Assert.That(match.Success, $"'{cell}' names a shift");
        bool anchored = match.Groups["family"].Value.StartsWith("anchored", StringComparison.Ordinal);
        double narrow = double.Parse(match.Groups["narrow"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["p"].Success)
        {
            return (AnalogShiftDistribution.Normal(narrow), anchored);
        }

        return (new AnalogShiftDistribution(narrow, double.Parse(match.Groups["wide"].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups["p"].Value, CultureInfo.InvariantCulture)), anchored);
    }

    [GeneratedRegex(@"^population (?<k>[0-9]+) sessions (?<s>[0-9.]+)( floor (?<f>[0-9.]+))?$")]
    private static partial Regex Population();

    [GeneratedRegex(@"^(?<family>normal|anchored|mixture|anchored-mixture)( p=(?<p>[0-9.]+))? (?<narrow>[0-9.]+)(/(?<wide>[0-9.]+))?$")]
    private static partial Regex Shape();
}
