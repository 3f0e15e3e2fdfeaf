using System.Globalization;
using System.Text.RegularExpressions;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// What every part of the scenario compiler shares: the reference data, the roster, the calibration year in force,
/// the diagnostics list and the checks that several parts make (names, dates, ranges, member codes). Problems are
/// reported with their place in the file; nothing throws.
/// </summary>
internal sealed partial class CompilationContext
{
    /// <summary>Largest standard deviation of a shared shock (votes and elections).</summary>
    public const double MaxShockSd = 5;

    /// <summary>What an observer state cannot do, in the message when a vote names one.</summary>
    public const string NoResolutionVotes = "does not vote on resolutions";

    /// <summary>What an observer state cannot do, in the message when an election names one.</summary>
    public const string NoElections = "takes no part in elections";

    /// <summary>Earliest date the tool covers (the Charter's entry into force).</summary>
    public static readonly DateOnly FirstDate = new(1945, 10, 24);

    /// <summary>Latest date the tool covers.</summary>
    public static readonly DateOnly LastDate = new(2100, 12, 31);

    private readonly SourceMap _map;
    private readonly List<ScenarioDiagnostic> _diagnostics;
    private readonly List<ScenarioDiagnostic> _warnings;
    private MemberSetResolver? _memberSets;

    public CompilationContext(ReferenceCatalog catalog, SourceMap map, List<ScenarioDiagnostic> diagnostics, List<ScenarioDiagnostic> warnings)
    {
        Catalog = catalog;
        _map = map;
        _diagnostics = diagnostics;
        _warnings = warnings;
        RosterIndex = catalog.States.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The reference data the scenario is checked against.</summary>
    public ReferenceCatalog Catalog { get; set; }

    /// <summary>Each member's index in the catalog's roster (the order of <see cref="ReferenceCatalog.States"/>).</summary>
    public IReadOnlyDictionary<string, int> RosterIndex { get; }

    /// <summary>Checks and resolves the scenario's groups (<c>blocs</c> with <c>except</c>); one per compilation.</summary>
    public MemberSetResolver MemberSets => _memberSets ??= new MemberSetResolver(this);

    /// <summary>The calibration year whose positions the scenario uses (set once the scenario's 'calibration' is checked).</summary>
    public int CalibrationYear { get; set; }

    /// <summary>Which value of each analog kind's measured spread the votes take (set from the run's overrides).</summary>
    public Engine.Model.AnalogSetting AnalogSetting { get; set; }

    /// <summary>Number of problems reported so far.</summary>
    public int ErrorCount => _diagnostics.Count;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    /// <summary>Whether <paramref name="value"/> is a valid scenario, vote, variant or election name.</summary>
    public static bool IsName(string value) => NamePattern().IsMatch(value);

    /// <summary>
    /// Standard error of a calibrated position used on <paramref name="date"/>: a date years after the position's
    /// year sees it drifted by a random walk, so its variance grows by the calibration's yearly step (se^2 + years * step^2).
    /// </summary>
    public double DriftedStandardError(MemberPosition position, DateOnly date)
    {
        var calibration = Catalog.Calibration;
        int years = Math.Max(0, date.Year - position.SourceYear);
        return Math.Sqrt((position.ThetaStandardError * position.ThetaStandardError) + (years * calibration.PositionStepSd * calibration.PositionStepSd));
    }

    /// <summary>Reports an error at a place outside the scenario file (a row of an evidence file).</summary>
    public void ErrorAt(SourceLocation location, string message) =>
        _diagnostics.Add(new ScenarioDiagnostic(location, message));

    /// <summary>
    /// Reports an error at <paramref name="key"/> of <paramref name="owner"/>, unless the owner lost a value in binding
    /// (its binding error already says what is wrong there).
    /// </summary>
    public void Error(object owner, string key, string message)
    {
        if (!_map.IsIncomplete(owner) && !_map.IsLost(owner, key))
        {
            _diagnostics.Add(new ScenarioDiagnostic(_map.Locate(owner, key), message));
        }
    }

    /// <summary>Reports a warning: the scenario still runs; <c>stemsim validate</c> prints it.</summary>
    public void Warning(object owner, string key, string message) =>
        _warnings.Add(new ScenarioDiagnostic(_map.Locate(owner, key), message) { IsWarning = true });

    public void CheckName(object owner, string key, string value, string what)
    {
        if (!IsName(value))
        {
            Error(owner, key, $"'{value}' is not a valid {what}: use 1-64 lower-case letters, digits and hyphens, starting with a letter or digit (for example 'ga-ceasefire-2026')");
        }
    }

    public void CheckDate(object owner, string key, DateOnly date)
    {
        if (date < FirstDate || date > LastDate)
        {
            Error(owner, key, $"{date:yyyy-MM-dd} is outside the range the tool covers ({FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd})");
        }
    }

    public void CheckRange(object owner, string key, double value, double min, double max, string what)
    {
        if (!(value >= min && value <= max))
        {
            Error(owner, key, $"{what} must be between {min} and {max}, not {value}");
        }
    }

    /// <summary>Checks every code of a list (reported at its index); the list when all are voting members on the date, else null.</summary>
    public string[]? CheckCodes(string[]? codes, DateOnly date, string observerCannot = NoResolutionVotes)
    {
        if (codes is null)
        {
            return null;
        }

        bool ok = true;
        for (int i = 0; i < codes.Length; i++)
        {
            ok &= codes[i] is not null && CheckCode(codes[i], codes, i.ToString(CultureInfo.InvariantCulture), date, observerCannot) is not null;
        }

        return ok ? codes : null;
    }

    /// <summary>The member <paramref name="code"/> if it is a member state admitted by <paramref name="date"/>; else reports why and returns null.</summary>
    public MemberState? CheckCode(string code, object owner, string key, DateOnly date, string observerCannot = NoResolutionVotes)
    {
        var state = Catalog.FindState(code);
        if (state is null)
        {
            Error(owner, key, MemberSets.Groups.Canonical(code) is { } group
                ? $"'{code}' is a group ({group}), not a member: name groups under 'blocs' (with 'except' for the members left out), for example 'blocs: {{ {group}: {{ shift: -0.5, except: [...] }} }}' or 'cosponsors: {{ blocs: [{group}], ... }}'"
                : $"unknown member '{code}'{Suggestions.DidYouMean(code, Catalog.States.Select(s => s.Code))} (members are ISO3 codes such as NLD, USA, BRA)");
            return null;
        }

        if (state.IsObserver)
        {
            Error(owner, key, $"{code} ({state.Name}) is an observer state and {observerCannot}");
            return null;
        }

        if (state.Admitted > date)
        {
            Error(owner, key, $"{code} ({state.Name}) was admitted on {state.Admitted:yyyy-MM-dd}, after {date:yyyy-MM-dd}");
            return null;
        }

        return state;
    }
}
