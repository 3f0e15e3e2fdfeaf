using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// What an update (<c>stemsim calibrate --from TABLE</c>) reads of the data and how it checks that the earlier table
/// was made from the same data. The update refits only from <see cref="IncrementalWindow.FirstRefitYear"/> on, so the
/// loader passes over the votes of the sessions before (<see cref="VotesFrom"/>); the earlier table's roll calls of
/// those years are then checked by id and year, those of the years read also by their counts of votes.
/// </summary>
/// <param name="years">The earlier table's first and last year (<see cref="EarlierTable.ReadYears"/>).</param>
/// <param name="request">The update's options.</param>
internal sealed class IncrementalVotes((int FirstYear, int LastYear) years, CalibrateRequest request)
{
    /// <summary>The first year whose votes were asked for (null before the data are read).</summary>
    public int? FirstYearRead { get; private set; }

    /// <summary>
    /// Given the last year of the shared layout's roll calls, the first year whose votes the update needs: the first
    /// refitted year for the earliest last year the update can end in (the data's last year, at most <c>--until</c>,
    /// and after the table's), since files read later can only add later years and a later end never refits earlier.
    /// </summary>
    public int VotesFrom(int lastRollCallYear)
    {
        var e = years;
        int lastYear = Math.Max(e.LastYear + 1, Math.Min(request.Until ?? lastRollCallYear, lastRollCallYear));
        FirstYearRead = IncrementalWindow.FirstRefitYear(e.FirstYear, e.LastYear, lastYear, request.ShockYears);
        return FirstYearRead.Value;
    }

    /// <summary>The first refitted year of an update to <paramref name="lastYear"/>; its votes were read.</summary>
    public int FirstRefitYear(int lastYear)
    {
        var e = years;
        int first = IncrementalWindow.FirstRefitYear(e.FirstYear, e.LastYear, lastYear, request.ShockYears);
        return first >= (FirstYearRead ?? int.MinValue)
            ? first
            : throw new InvalidOperationException($"The update refits from {first}, but the votes were read from {FirstYearRead} only.");
    }

    /// <summary>
    /// What makes <paramref name="earlier"/> (the table of the years given) unusable as the start of an update of <paramref name="data"/> to
    /// <paramref name="lastYear"/>, or null: an end not before <paramref name="lastYear"/>, too many out-of-sample
    /// shock years, or a table made from other data (a unit the data lack, or a roll call of its years missing from
    /// either, in another year, or, in the years whose votes were read, counted differently).
    /// </summary>
    public string? Problem(EarlierTable earlier, UnVotingData data, int lastYear)
    {
        var last = years.LastYear;
        string table = request.From!;
        if (lastYear <= last)
        {
            return $"'{request.DataDirectory}' has no votes after the last year of '{table}' ({last}): nothing to update";
        }

        if (request.ShockYears > lastYear - last)
        {
            return $"--shock-years {request.ShockYears} with --from: at most {lastYear - last} (the years after '{table}'), since an out-of-sample refit must not end before the table, whose positions have seen the later votes";
        }

        var missingUnit = earlier.PositionRows.FirstOrDefault(row => !data.UnitIndex.ContainsKey(row[0]));
        return missingUnit is not null
            ? $"'{table}' has unit {missingUnit[0]}, which '{request.DataDirectory}' does not have: the table was made from other data (calibrate without --from)"
            : RollCallProblem(earlier, data);
    }

    /// <summary>The first roll call of the table the data lack or count differently, or one of its years the table lacks; null when none.</summary>
    private string? RollCallProblem(EarlierTable earlier, UnVotingData data)
    {
        var counts = Counts(data);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < data.RollCalls.Count; r++)
        {
            byId.TryAdd(data.RollCalls[r].Id, r);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int countedFrom = FirstYearRead ?? int.MinValue;
        foreach (var (row, line) in earlier.RollCallRows)
        {
            string where = $"{earlier.RollCallsFile}:{line}";
            if (!byId.TryGetValue(row[0], out int r))
            {
                return $"{where}: roll call {row[0]} is not in '{request.DataDirectory}': the table was made from other data (calibrate without --from)";
            }

            var expected = EarlierTable.CountsOf(row);
            var actual = counts.GetValueOrDefault(r);
            int year = data.RollCalls[r].Year;
            if (year != EarlierTable.YearOf(row) || (year >= countedFrom && expected != actual))
            {
                return $"{where}: roll call {row[0]} ({row[2]}) has yes/abstain/no/absent {expected.Yes}/{expected.Abstain}/{expected.No}/{expected.Absent} in the table but {actual.Yes}/{actual.Abstain}/{actual.No}/{actual.Absent} ({year}) in '{request.DataDirectory}': the table was made from other data (calibrate without --from)";
            }

            seen.Add(row[0]);
        }

        var (first, last) = years;
        var missing = data.RollCalls.FirstOrDefault(rc => rc.Year >= first && rc.Year <= last && !seen.Contains(rc.Id));
        return missing is null
            ? null
            : $"'{request.DataDirectory}' has roll call {missing.Id} ({missing.Year}) that '{earlier.RollCallsFile}' lacks: the table was made from other data (calibrate without --from)";
    }

    /// <summary>Each roll call's counts of yes, abstain, no and absent in the data.</summary>
    private static Dictionary<int, (int Yes, int Abstain, int No, int Absent)> Counts(UnVotingData data)
    {
        var counts = new Dictionary<int, (int Yes, int Abstain, int No, int Absent)>();
        for (int k = 0; k < data.RecordRollCall.Length; k++)
        {
            int r = data.RecordRollCall[k];
            var c = counts.GetValueOrDefault(r);
            counts[r] = data.RecordChoice[k] switch
            {
                VoteChoice.Yes => c with { Yes = c.Yes + 1 },
                VoteChoice.Abstain => c with { Abstain = c.Abstain + 1 },
                VoteChoice.No => c with { No = c.No + 1 },
                _ => c with { Absent = c.Absent + 1 },
            };
        }

        return counts;
    }
}
