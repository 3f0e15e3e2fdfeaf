using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Evidence;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Evidence;
using StemSimulator.Scenarios.Library;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// A scenario's <c>evidence</c>: checks each entry, updates the members' positions from the recorded votes of the
/// evidence files (<see cref="PositionEvidence"/>) and conditions the shared shifts of totals-only votes on their
/// totals (<see cref="TotalsEvidence"/>), then replaces the context's catalog by one whose positions are updated and
/// whose roll calls include the evidence, so that votes may name it in <c>like</c>.
/// </summary>
internal sealed class EvidenceCompiler
{
    /// <summary>Importance-sampling draws per round for totals-only evidence.</summary>
    private const int TotalsDraws = 4096;

    private readonly CompilationContext _context;
    private readonly MemberCompiler _members;
    private readonly ShockCompiler _shockGroups;
    private readonly List<(object Owner, string Key, string Symbol, DateOnly Date, bool Positions)> _named = [];

    public EvidenceCompiler(CompilationContext context, MemberCompiler members, ShockCompiler shockGroups)
    {
        _context = context;
        _members = members;
        _shockGroups = shockGroups;
    }

    /// <summary>The latest year (1945 + session) of the members'-vote evidence, or null when there is none.</summary>
    public int? PositionsYear => _named.Where(n => n.Positions).Select(n => (int?)YearOf(n.Symbol, n.Date)).Max();

    /// <summary>Checks and applies the scenario's evidence; <paramref name="files"/> holds each file entry's file as read (absent: unreadable, already reported).</summary>
    public void Apply(ScenarioDocument document, ShockModel shocks, IReadOnlyDictionary<EvidenceDocument, EvidenceFile> files)
    {
        var entries = document.Evidence ?? [];
        if (entries.Length == 0)
        {
            return;
        }

        var catalog = _context.Catalog;
        var added = new List<AnalogRollCall>();
        var memberRollCalls = new List<(LibraryRollCall RollCall, int Mask, AnalogRollCall? Like, object Owner, string Key)>();
        foreach (var entry in entries)
        {
            bool totals = entry.Vote is not null || entry.Yes is not null || entry.No is not null || entry.Abstain is not null || entry.Date is not null || entry.Like is not null;
            if (entry.File is not null && totals)
            {
                _context.Error(entry, "file", "an evidence entry is either a file of members' votes ('file' with 'roll_calls') or a vote's totals ('vote', 'date', 'yes', 'no', 'abstain', 'like'), not both");
                continue;
            }

            if (entry.File is null && !totals)
            {
                _context.Error(entry, "file", "an evidence entry needs 'file' (members' votes, with 'roll_calls') or 'vote' with its 'date', 'yes', 'no', 'abstain' and 'like'");
                continue;
            }

            if (entry.File is not null)
            {
                CheckFileEntry(entry, files.GetValueOrDefault(entry), memberRollCalls);
            }
        }

        // Positions first: a totals-only vote is read with the positions the members' votes gave.
        var update = UpdatePositions(memberRollCalls, added);
        var positions = update.Count == 0 ? catalog.Calibration : catalog.Calibration.WithUpdates(update, _context.CalibrationYear);
        _context.Catalog = catalog.WithEvidence(positions, added);
        var totalsAdded = new List<AnalogRollCall>();
        foreach (var entry in entries.Where(e => e.File is null && e.Vote is not null))
        {
            if (Totals(entry, shocks) is { } analog)
            {
                totalsAdded.Add(analog);
            }
        }

        if (totalsAdded.Count > 0)
        {
            _context.Catalog = catalog.WithEvidence(positions, [.. added, .. totalsAdded]);
        }

    }

    /// <summary>Reports every vote that comes before evidence it would use: positions evidence is used by every vote, totals evidence by the votes that name it in <c>like</c>.</summary>
    public void CheckDates(ScenarioDocument document)
    {
        foreach (var vote in document.Votes)
        {
            var date = vote.Date ?? document.AsOf;
            var likes = new[] { vote.Like?.Vote }.Concat((document.Variants ?? []).Select(v => v.Votes?.GetValueOrDefault(vote.Id)?.Like?.Vote)).OfType<string>().Select(s => s.Trim()).ToHashSet(StringComparer.Ordinal);
            foreach (var (owner, key, symbol, evidenceDate, positions) in _named)
            {
                if (evidenceDate > date && (positions || likes.Contains(symbol)))
                {
                    _context.Error(owner, key, $"evidence {symbol} of {evidenceDate:yyyy-MM-dd} is dated after vote '{vote.Id}' ({date:yyyy-MM-dd}), which would use it ({(positions ? "members' votes update the positions every vote uses" : "the vote names it in 'like'")}); evidence must come before the votes it informs");
                }
            }
        }
    }

    private void CheckFileEntry(EvidenceDocument entry, EvidenceFile? file, List<(LibraryRollCall, int, AnalogRollCall?, object, string)> memberRollCalls)
    {
        if (entry.RollCalls is not { Count: > 0 } rollCalls)
        {
            _context.Error(entry, "file", "name the roll calls to take from the file under 'roll_calls' (symbol: the roll call it resembles, or { issues: [...] })");
            return;
        }

        if (file is null)
        {
            return;
        }

        foreach (var (line, message) in file.Problems)
        {
            _context.ErrorAt(new Diagnostics.SourceLocation(file.Path, line, 1), message);
        }

        foreach (var (symbol, resembles) in rollCalls)
        {
            var candidates = file.RollCalls.Where(r => r.Symbol == symbol.Trim()).ToArray();
            if (candidates.Length == 0)
            {
                _context.Error(rollCalls, symbol, $"{file.Path} has no roll call '{symbol}'{Diagnostics.Suggestions.DidYouMean(symbol, file.Symbols)}");
                continue;
            }

            if (candidates.Length > 1)
            {
                _context.Error(rollCalls, symbol, $"{file.Path} has {candidates.Length} roll calls '{symbol}' (lines {string.Join(", ", candidates.Select(c => c.Line))}); keep one");
                continue;
            }

            var rollCall = candidates[0];
            if (rollCall.Council != LibraryCouncil.Assembly)
            {
                _context.Error(rollCalls, symbol, $"{symbol} is a Security Council resolution; evidence is read with the Assembly's calibration");
                continue;
            }

            if (!CheckYear(rollCalls, symbol, symbol, rollCall.Date))
            {
                continue;
            }

            if (!FirstTime(rollCalls, symbol, symbol.Trim()))
            {
                continue;
            }

            var (mask, like) = Resemblance(rollCalls, symbol, resembles);
            _named.Add((rollCalls, symbol, symbol.Trim(), rollCall.Date, true));
            memberRollCalls.Add((rollCall, mask, like, rollCalls, symbol));
        }
    }

    /// <summary>The issue areas an evidence roll call takes: its <c>issues</c>, else its <c>like</c>'s, else none.</summary>
    private (int Mask, AnalogRollCall? Like) Resemblance(object owner, string key, EvidenceRollCallDocument? resembles)
    {
        if (resembles is null || (resembles.Like is null && resembles.Issues is null))
        {
            _context.Error(owner, key, "say what the evidence roll call resembles: a calibrated roll call (e.g. A/RES/74/10) or { issues: [human_rights] } ({ issues: [] } for the main position alone)");
            return (0, null);
        }

        AnalogRollCall? like = null;
        if (resembles.Like is { } symbol)
        {
            like = _context.Catalog.RollCalls.Find(symbol, out var problem);
            if (like is null)
            {
                _context.Error(resembles, "like", problem!);
            }
        }

        if (resembles.Issues is { } issues)
        {
            int mask = 0;
            foreach (var issue in issues.Where(i => i != IssueAreaName.None))
            {
                mask |= 1 << IssueAreas.IndexOf(Yaml.SnakeCase.From(issue.ToString()));
            }

            return (mask, like);
        }

        return (like?.IssueMask ?? 0, like);
    }

    /// <summary>Evidence must be after the calibration's data and not already in it.</summary>
    private bool CheckYear(object owner, string key, string symbol, DateOnly date)
    {
        if (YearOf(symbol, date) < _context.CalibrationYear)
        {
            _context.Error(owner, key, $"evidence {symbol} is of {YearOf(symbol, date)}, before the positions' year {_context.CalibrationYear}, which already reflect that year's votes; evidence is votes after the calibration");
            return false;
        }

        var known = _context.Catalog.RollCalls.Find(symbol, out _);
        if (known is not null && known.Date == date)
        {
            _context.Error(owner, key, $"{known.Describe()} is already in the calibration; evidence is votes the calibration has not seen (name it in 'like' directly)");
            return false;
        }

        return true;
    }

    /// <summary>Runs <see cref="PositionEvidence"/> on the members' votes; adds the fitted roll calls to <paramref name="added"/> and returns the updated positions.</summary>
    private Dictionary<string, MemberPosition> UpdatePositions(List<(LibraryRollCall RollCall, int Mask, AnalogRollCall? Like, object Owner, string Key)> rollCalls, List<AnalogRollCall> added)
    {
        var updated = new Dictionary<string, MemberPosition>(StringComparer.Ordinal);
        if (rollCalls.Count == 0)
        {
            return updated;
        }

        var calibration = _context.Catalog.Calibration;
        var positions = new List<MemberPosition>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var inputs = new List<EvidenceRollCall>();
        foreach (var (rollCall, mask, like, owner, key) in rollCalls)
        {
            var votes = EvidenceVotes(rollCall, mask, owner, key, positions, index);
            inputs.Add(new EvidenceRollCall(rollCall.Symbol, YearOf(rollCall.Symbol, rollCall.Date), votes, like is null ? null : new RollCallParameters(like.Beta, like.Tau1, like.Tau2)));
        }

        if (inputs.Any(r => r.Votes.Count == 0))
        {
            return updated;
        }

        var members = positions.Select(p => new EvidenceMember(p.Code, p.Theta, p.ThetaStandardError, p.SourceYear)).ToArray();
        var result = PositionEvidence.Update(members, inputs, EvidenceOptions.Of(calibration.PositionStepSd));
        foreach (var (posterior, prior) in result.Members.Zip(positions))
        {
            if (posterior.Votes > 0)
            {
                updated[posterior.Code] = prior with { Theta = posterior.Theta, ThetaStandardError = posterior.StandardError, SourceYear = posterior.SourceYear };
            }
        }

        AddFittedRollCalls(rollCalls, result.RollCalls, added);
        return updated;
    }

    /// <summary>
    /// The yes, no and abstain votes of one evidence roll call, each member's position added to
    /// <paramref name="positions"/> (and <paramref name="index"/>) the first time it votes; a member without a
    /// calibrated position is an error, and so is a roll call without such votes.
    /// </summary>
    private List<EvidenceVote> EvidenceVotes(LibraryRollCall rollCall, int mask, object owner, string key, List<MemberPosition> positions, Dictionary<string, int> index)
    {
        var calibration = _context.Catalog.Calibration;
        var votes = new List<EvidenceVote>();
        foreach (var vote in rollCall.Votes)
        {
            if (vote.Choice == VoteChoice.Absent)
            {
                continue;
            }

            if (!index.TryGetValue(vote.Code, out int i))
            {
                if (calibration.Find(vote.Code, _context.CalibrationYear) is not { } position)
                {
                    _context.Error(owner, key, $"{vote.Code} (line {vote.Line} of {rollCall.File}) has no calibrated position");
                    continue;
                }

                i = positions.Count;
                index[vote.Code] = i;
                positions.Add(position);
            }

            var ordinal = vote.Choice switch
            {
                VoteChoice.Yes => OrdinalVote.Yes,
                VoteChoice.No => OrdinalVote.No,
                VoteChoice.Abstain => OrdinalVote.Abstain,
                _ => throw new ArgumentOutOfRangeException(nameof(rollCall), vote.Choice, "unknown vote choice"),
            };
            votes.Add(new EvidenceVote(i, ordinal, positions[i].PositionFor(mask) - positions[i].Theta));
        }

        if (votes.Count == 0)
        {
            _context.Error(owner, key, $"{rollCall.Symbol} has no yes, no or abstain vote in {rollCall.File}");
        }

        return votes;
    }

    /// <summary>Adds each evidence roll call, with its fitted parameters and its counts, to <paramref name="added"/> as an analog.</summary>
    private void AddFittedRollCalls(List<(LibraryRollCall RollCall, int Mask, AnalogRollCall? Like, object Owner, string Key)> rollCalls, IReadOnlyList<EvidenceFit> fits, List<AnalogRollCall> added)
    {
        foreach (var ((rollCall, mask, like, _, _), fit) in rollCalls.Zip(fits))
        {
            int Count(VoteChoice c) => rollCall.Votes.Count(v => v.Choice == c);
            int present = rollCall.Votes.Count;
            int membership = _context.Catalog.VotingMembersOn(rollCall.Date).Count;
            added.Add(new AnalogRollCall(
                "evidence:" + rollCall.Symbol, rollCall.Symbol, YearOf(rollCall.Symbol, rollCall.Date), rollCall.Date, "resolution", mask,
                fit.Parameters.Beta, fit.Parameters.Tau1, fit.Parameters.Tau2,
                Count(VoteChoice.Yes), Count(VoteChoice.Abstain), Count(VoteChoice.No), Math.Max(0, membership - present) + Count(VoteChoice.Absent),
                rollCall.Title.Length > 0 ? rollCall.Title : like?.Title ?? string.Empty));
        }

    }

    /// <summary>A totals-only vote: checks it and returns it as an analog whose cut-points carry the posterior shift.</summary>
    private AnalogRollCall? Totals(EvidenceDocument entry, ShockModel shocks)
    {
        string symbol = entry.Vote!.Trim();
        int errors = _context.ErrorCount;
        if (!CheckTotals(entry, symbol))
        {
            return null;
        }

        var like = entry.Like!;
        var analog = TotalsAnalog(like, symbol);
        if (analog is null || _context.ErrorCount > errors)
        {
            return null;
        }

        return TotalsRollCall(entry, symbol, like, analog, shocks);
    }

    /// <summary>Whether the totals-only vote has every key, a date in range, counts within the Assembly, and is named once.</summary>
    private bool CheckTotals(EvidenceDocument entry, string symbol)
    {
        int errors = _context.ErrorCount;
        foreach (var (key, value) in new[] { ("date", (object?)entry.Date), ("yes", entry.Yes), ("no", entry.No), ("abstain", entry.Abstain), ("like", entry.Like) })
        {
            if (value is null)
            {
                _context.Error(entry, "vote", $"evidence {symbol} gives totals only: it needs '{key}' too (vote, date, yes, no, abstain and the roll call it resembles in like)");
            }
        }

        if (_context.ErrorCount > errors)
        {
            return false;
        }

        var date = entry.Date!.Value;
        _context.CheckDate(entry, "date", date);
        if (!CheckYear(entry, "date", symbol, date) || !FirstTime(entry, "vote", symbol))
        {
            return false;
        }

        int members = _context.Catalog.VotingMembersOn(date).Count;
        foreach (var (key, count) in new[] { ("yes", entry.Yes!.Value), ("no", entry.No!.Value), ("abstain", entry.Abstain!.Value) })
        {
            if (count < 0 || count > members)
            {
                _context.Error(entry, key, $"{key} must be between 0 and the Assembly's {members} members on {date:yyyy-MM-dd}, not {count}");
            }
        }

        if (entry.Yes + entry.No + entry.Abstain > members)
        {
            _context.Error(entry, "yes", $"yes + no + abstain = {entry.Yes + entry.No + entry.Abstain}, more than the Assembly's {members} members on {date:yyyy-MM-dd}");
        }

        return true;
    }

    /// <summary>The roll call a totals-only vote resembles (its <c>like</c>), with its kind, spread and shift checked; null after an error.</summary>
    private AnalogRollCall? TotalsAnalog(AnalogDocument like, string symbol)
    {
        if (string.IsNullOrWhiteSpace(like.Vote))
        {
            _context.Error(like, "vote", "'like' needs the roll call: a resolution symbol such as A/RES/74/10");
            return null;
        }

        var analog = _context.Catalog.RollCalls.Find(like.Vote, out var problem);
        if (analog is null)
        {
            _context.Error(like, "vote", problem!);
            return null;
        }

        if (like.Kind is null && like.Spread is null)
        {
            _context.Error(like, "vote", $"evidence {symbol}: say how {analog.Describe()} relates to it with 'kind': {AnalogSpreadChoice.KindsInWords} (or set 'spread' by hand)");
            return null;
        }

        if (like.Spread is { } spread)
        {
            _context.CheckRange(like, "spread", spread, 0, 3, "an analog spread");
        }

        if (like.Shift is { } s)
        {
            _context.CheckRange(like, "shift", s, -MemberCompiler.MaxShift, MemberCompiler.MaxShift, "a shift");
        }

        return analog;
    }

    /// <summary>The totals-only vote as an analog: the analog's parameters, its cut-points moved by the posterior common shift.</summary>
    private AnalogRollCall TotalsRollCall(EvidenceDocument entry, string symbol, AnalogDocument like, AnalogRollCall analog, ShockModel shocks)
    {
        var date = entry.Date!.Value;
        int members = _context.Catalog.VotingMembersOn(date).Count;
        int mask = like.Issue switch
        {
            null => analog.IssueMask,
            IssueAreaName.None => 0,
            { } issue => 1 << IssueAreas.IndexOf(Yaml.SnakeCase.From(issue.ToString())),
        };
        double shift = like.Shift ?? 0;
        var parameters = new VoteParameters(analog.Beta, [analog.Tau1, analog.Tau2], mask, shift, analog) { AnalogShift = AnalogSpreadChoice.Of(like, assembly: true, population: false).Shift };
        var voters = _context.Catalog.VotingMembersOn(date).Select(m => m.Code).ToArray();
        var leans = voters.Select(code => _members.Lean(code, MemberLayers.Empty, parameters, Body.GeneralAssembly, date)).ToArray();
        var blocs = voters.Select(code => (IReadOnlyList<int>)_shockGroups.GroupsOf(shocks, code, date)).ToArray();
        // The normal approximation takes the analog shift by its variance (a mixture's moment-matched sd).
        double commonSd = Math.Sqrt((shocks.GlobalSd * shocks.GlobalSd) + parameters.AnalogShift.Variance);
        var posterior = TotalsEvidence.Condition(leans, blocs, commonSd, shocks.BlocSds, entry.Yes!.Value, entry.No!.Value, entry.Abstain!.Value, TotalsDraws, Seed(symbol));
        var memberShifts = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < voters.Length; i++)
        {
            double sum = blocs[i].Sum(b => posterior.BlocShifts[b]);
            if (sum != 0)
            {
                memberShifts[voters[i]] = sum;
            }
        }

        _named.Add((entry, "date", symbol, date, false));
        double moved = shift + posterior.CommonShift;
        return new AnalogRollCall(
            "evidence:" + symbol, symbol, YearOf(symbol, date), date, "resolution", mask, analog.Beta, analog.Tau1 - moved, analog.Tau2 - moved,
            entry.Yes!.Value, entry.Abstain!.Value, entry.No!.Value, members - entry.Yes!.Value - entry.No!.Value - entry.Abstain!.Value, analog.Title)
        {
            MemberShifts = memberShifts,
            ExtraSpread = posterior.CommonSd,
        };
    }

    /// <summary>
    /// The calibration year of a recorded vote: 1945 + its session for an Assembly symbol (A/RES/75/191 of December 2020
    /// and one of September 2021 both count as 2020, as the calibration counts them), else the calendar year.
    /// </summary>
    internal static int YearOf(string symbol, DateOnly date) =>
        symbol.Trim().Split('/') is ["A", "RES", var session, ..] && int.TryParse(session, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int s) && s is > 0 and < 200
            ? 1945 + s
            : date.Year;

    /// <summary>A fixed seed per evidence vote, so a scenario's totals evidence always gives the same posterior.</summary>
    private static ulong Seed(string symbol)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in symbol)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>Whether <paramref name="symbol"/> is named for the first time; a second time is an error.</summary>
    private bool FirstTime(object owner, string key, string symbol)
    {
        if (_named.Any(n => n.Symbol == symbol))
        {
            _context.Error(owner, key, $"evidence {symbol} is given twice; give each recorded vote once");
            return false;
        }

        return true;
    }
}
