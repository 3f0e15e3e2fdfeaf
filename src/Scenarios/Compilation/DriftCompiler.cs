using StemSimulator.Engine.Drift;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The multi-year part of a scenario (drift): checking the timeline and building each variant's drift model.</summary>
internal sealed class DriftCompiler
{
    /// <summary>Name of the centre of all members, for hedging towards the middle.</summary>
    public const string Assembly = "ASSEMBLY";

    /// <summary>The bloc whose majority every member's agreement is measured against in drift.parquet.</summary>
    public const string AgreementReference = "EU";

    /// <summary>Prior weight, in years of data, pulling a member's volatility towards the pooled value.</summary>
    private const double VolatilityShrinkageYears = DriftVolatility.DefaultShrinkageYears;

    /// <summary>First year of the year-to-year changes from which volatilities are calibrated.</summary>
    private const int VolatilityFromYear = DriftVolatility.DefaultFromYear;

    private readonly CompilationContext _context;

    public DriftCompiler(CompilationContext context) => _context = context;

    private ReferenceCatalog Catalog => _context.Catalog;

    private int CalibrationYear => _context.CalibrationYear;

    private IReadOnlyDictionary<string, int> RosterIndex => _context.RosterIndex;

    public void CheckTimeline(ScenarioDocument document)
    {
        if (document.Timeline is not { } timeline)
        {
            return;
        }

        if (timeline.From < CalibrationYear)
        {
            _context.Error(timeline, "from", $"the timeline starts from the calibrated positions of {CalibrationYear}; 'from' must be {CalibrationYear} or later, not {timeline.From} (or choose an earlier 'calibration' year)");
        }

        if (timeline.To <= timeline.From || timeline.To > timeline.From + 50)
        {
            _context.Error(timeline, "to", $"'to' must be after 'from' and at most 50 years on, not {timeline.To}");
        }

        if (timeline.Volatility is { } volatility && volatility != "calibrated"
            && !(double.TryParse(volatility, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value >= 0 && value <= 2))
        {
            _context.Error(timeline, "volatility", $"volatility is 'calibrated' or a number from 0 to 2, not '{volatility}'");
        }

        CheckAttractions(timeline.Attraction);
        CheckEvents(timeline);

        foreach (var vote in document.Votes)
        {
            int year = (vote.Date ?? document.AsOf).Year;
            if (year < timeline.From || year > timeline.To)
            {
                _context.Error(vote, vote.Date is null ? "id" : "date", $"the vote falls in {year}, outside the timeline {timeline.From}-{timeline.To}; date it within the timeline");
            }
        }
    }

    /// <summary>Checks the timeline's events: one kind each, within the timeline, known members and blocs, sizes in range.</summary>
    private void CheckEvents(TimelineDocument timeline)
    {
        foreach (var e in timeline.Events ?? [])
        {
            int kinds = (e.Join is null ? 0 : 1) + (e.Leave is null ? 0 : 1) + (e.Shift is null ? 0 : 1) + (e.GlobalShock is null ? 0 : 1);
            if (kinds != 1)
            {
                _context.Error(e, "year", "an event is exactly one of 'join', 'leave', 'shift' and 'global_shock'");
            }

            if (e.Year <= timeline.From || e.Year > timeline.To)
            {
                _context.Error(e, "year", $"events fall after the start ({timeline.From}) and by the end ({timeline.To}), not in {e.Year}");
            }

            var date = new DateOnly(Math.Clamp(e.Year, 1946, 2100), 7, 1);
            foreach (var change in new[] { e.Join, e.Leave })
            {
                if (change is null)
                {
                    continue;
                }

                _context.CheckCode(change.Member, change, "member", date);
                if (!Catalog.Blocs.ContainsKey(change.Bloc))
                {
                    _context.Error(change, "bloc", $"unknown bloc '{change.Bloc}'{Suggestions.DidYouMean(change.Bloc, Catalog.Blocs.Keys)}");
                }
            }

            if (e.Shift is { } shift)
            {
                _context.CheckCode(shift.Member, shift, "member", date);
                _context.CheckRange(shift, "by", shift.By, -3, 3, "a position shift");
            }

            if (e.GlobalShock is { } global)
            {
                _context.CheckRange(e, "global_shock", global, 0, 2, "a global shock's standard deviation");
            }
        }
    }

    public void CheckAttractions(AttractionDocument[]? attractions)
    {
        foreach (var a in attractions ?? [])
        {
            _context.CheckRange(a, "strength", a.Strength, 0, 0.5, "an attraction's strength");
            bool bloc = Catalog.Blocs.ContainsKey(a.Toward);
            bool member = Catalog.FindState(a.Toward) is not null;
            if (!bloc && !member && a.Toward != Assembly)
            {
                _context.Error(a, "toward", $"unknown bloc or member '{a.Toward}'{Suggestions.DidYouMean(a.Toward, Catalog.Blocs.Keys.Append(Assembly))} (a bloc such as BRICS, a member such as CHN, or ASSEMBLY)");
            }

            if (!bloc && a.On is null)
            {
                _context.Error(a, "toward", $"say whom '{a.Toward}' pulls with 'on' (a bloc, or a list of members)");
            }

            foreach (var on in a.On ?? [])
            {
                if (!Catalog.Blocs.ContainsKey(on) && Catalog.FindState(on) is null && on != Assembly)
                {
                    _context.Error(a.On!, Array.IndexOf(a.On!, on).ToString(System.Globalization.CultureInfo.InvariantCulture), $"unknown bloc or member '{on}'{Suggestions.DidYouMean(on, Catalog.Blocs.Keys.Append(Assembly))} (a bloc, a member, or ASSEMBLY for every member)");
                }
            }
        }
    }

    /// <summary>The drift model of one variant, or null for a single-year scenario.</summary>
    public DriftModel? CompileDrift(ScenarioDocument document, VariantDocument? variant)
    {
        if (document.Timeline is not { } timeline)
        {
            return null;
        }

        var calibration = Catalog.Calibration;
        var states = Catalog.States;
        int n = states.Count;
        int gap = timeline.From - CalibrationYear;
        var mean = new double[n];
        var sd = new double[n];
        var volatility = Volatilities(timeline);
        for (int i = 0; i < n; i++)
        {
            if (calibration.Find(states[i].Code, CalibrationYear) is { } position)
            {
                mean[i] = position.Theta;
                // The years from the calibration to the start drift like the timeline's years: gap steps of sigma_i.
                sd[i] = Math.Sqrt((position.ThetaStandardError * position.ThetaStandardError) + (gap * volatility[i] * volatility[i]));
            }
            else
            {
                volatility[i] = 0;
            }
        }

        var attractions = variant?.Attraction ?? timeline.Attraction ?? [];
        var years = new List<DriftYear>();
        for (int year = timeline.From; year < timeline.To; year++)
        {
            var pulls = attractions.Select(a => new Attraction(a.Strength, Members(timeline, a.On ?? [a.Toward], year), Members(timeline, [a.Toward], year)))
                .Where(a => a.Centre.Count > 0)
                .ToArray();
            int next = year + 1;
            var events = (timeline.Events ?? []).Where(e => e.Year == next).ToArray();
            var shifts = events.Where(e => e.Shift is not null).Select(e => (RosterIndex[e.Shift!.Member], e.Shift.By)).ToArray();
            double global = Math.Sqrt(events.Where(e => e.GlobalShock is not null).Sum(e => e.GlobalShock!.Value * e.GlobalShock.Value));
            years.Add(new DriftYear(pulls, shifts, global));
        }

        var centres = attractions.Select(a => a.Toward).Distinct(StringComparer.Ordinal)
            .Select(label => new TrackedCentre(label, Enumerable.Range(timeline.From, timeline.To - timeline.From + 1).Select(y => (IReadOnlyList<int>)Members(timeline, [label], y)).ToArray()))
            .ToArray();
        var blocs = Catalog.Blocs.Keys.Order(StringComparer.Ordinal)
            .Select(label => new TrackedCentre(label, Enumerable.Range(timeline.From, timeline.To - timeline.From + 1).Select(y => (IReadOnlyList<int>)Members(timeline, [label], y)).ToArray()))
            .ToArray();
        return new DriftModel(timeline.From, mean, sd, volatility, years, centres)
        {
            Cohesion = new CohesionModel(blocs, Array.FindIndex(blocs, b => b.Label == AgreementReference)),
        };
    }

    /// <summary>
    /// Roster indices of the members named (blocs, members or ASSEMBLY) in <paramref name="year"/>: bloc memberships
    /// on 1 July of the year, with the timeline's join and leave events of that year or earlier applied.
    /// </summary>
    private int[] Members(TimelineDocument timeline, IEnumerable<string> names, int year)
    {
        var date = new DateOnly(year, 7, 1);
        var result = new SortedSet<int>();
        foreach (var name in names)
        {
            if (name == Assembly)
            {
                foreach (var state in Catalog.VotingMembersOn(date))
                {
                    result.Add(RosterIndex[state.Code]);
                }
            }
            else if (Catalog.Blocs.TryGetValue(name, out var bloc))
            {
                var members = new HashSet<string>(bloc.MembersOn(date), StringComparer.Ordinal);
                foreach (var e in (timeline.Events ?? []).Where(e => e.Year <= year).OrderBy(e => e.Year))
                {
                    if (e.Join is { } join && join.Bloc == name)
                    {
                        members.Add(join.Member);
                    }

                    if (e.Leave is { } leave && leave.Bloc == name)
                    {
                        members.Remove(leave.Member);
                    }
                }

                foreach (var code in members.Where(RosterIndex.ContainsKey))
                {
                    result.Add(RosterIndex[code]);
                }
            }
            else if (RosterIndex.TryGetValue(name, out int index))
            {
                result.Add(index);
            }
        }

        return result.ToArray();
    }

    /// <summary>
    /// Each member's yearly volatility. Calibrated: the root-mean-square year-to-year change of its calibrated
    /// position from 2000 to the calibration year, shrunk towards the pooled value with the weight of
    /// <see cref="VolatilityShrinkageYears"/> years (<see cref="DriftVolatility"/>), as it is: the drift backtest found
    /// that calibrated positions move like a random walk with these volatilities, and that raising them to the
    /// calibration's random-walk step makes the intervals about twice too wide (README, "Drift over years").
    /// </summary>
    private double[] Volatilities(TimelineDocument timeline)
    {
        var states = Catalog.States;
        var volatility = new double[states.Count];
        if (timeline.Volatility is { } fixedValue && fixedValue != "calibrated")
        {
            Array.Fill(volatility, double.TryParse(fixedValue, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : 0);
            return volatility;
        }

        var calibration = Catalog.Calibration;
        var calibrated = DriftVolatility.Calibrate(
            states.Count,
            (i, year) => calibration.Find(states[i].Code, year) is { } p && p.SourceYear == year ? p.Theta : null,
            VolatilityFromYear,
            CalibrationYear,
            VolatilityShrinkageYears);
        return calibrated.PerMember.ToArray();
    }
}
