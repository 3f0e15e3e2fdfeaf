using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.ConcernedParty;

/// <summary>
/// Members' agreement with a state in the record: the share of the roll calls of the <see cref="WindowYears"/> years
/// before a year that both attended (yes, abstain or no) with the same vote; a member with fewer than
/// <see cref="MinimumShared"/> shared roll calls has no rate.
/// </summary>
internal sealed class AgreementRates
{
    /// <summary>Years before the vote's year that count.</summary>
    public const int WindowYears = 5;

    /// <summary>Fewest shared roll calls for a rate.</summary>
    public const int MinimumShared = 20;

    private readonly UnVotingData _data;
    private readonly Dictionary<int, List<(int Unit, VoteChoice Choice)[]>> _byYear = [];
    private readonly Dictionary<(string State, int Year), Dictionary<string, double>> _cache = [];

    public AgreementRates(UnVotingData data)
    {
        _data = data;
        var ballots = new List<(int Unit, VoteChoice Choice)>[data.RollCalls.Count];
        for (int k = 0; k < data.RecordChoice.Length; k++)
        {
            if (data.RecordChoice[k] != VoteChoice.Absent)
            {
                (ballots[data.RecordRollCall[k]] ??= []).Add((data.RecordUnit[k], data.RecordChoice[k]));
            }
        }

        for (int r = 0; r < ballots.Length; r++)
        {
            if (ballots[r] is { } list)
            {
                int year = data.RollCalls[r].Year;
                if (!_byYear.TryGetValue(year, out var rollCalls))
                {
                    _byYear[year] = rollCalls = [];
                }

                rollCalls.Add([.. list]);
            }
        }
    }

    /// <summary>Each member's agreement rate in [0, 1] with <paramref name="state"/> in the years before <paramref name="year"/> (members with too few shared roll calls left out).</summary>
    public IReadOnlyDictionary<string, double> With(string state, int year)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue((state, year), out var cached))
            {
                return cached;
            }

            var rates = new Dictionary<string, double>(StringComparer.Ordinal);
            if (_data.UnitIndex.TryGetValue(state, out int concerned))
            {
                var same = new Dictionary<int, int>();
                var total = new Dictionary<int, int>();
                for (int y = year - WindowYears; y < year; y++)
                {
                    foreach (var ballots in _byYear.GetValueOrDefault(y) ?? [])
                    {
                        int at = Array.FindIndex(ballots, b => b.Unit == concerned);
                        if (at < 0)
                        {
                            continue;
                        }

                        var own = ballots[at];

                        foreach (var (unit, choice) in ballots)
                        {
                            if (unit != concerned)
                            {
                                total[unit] = total.GetValueOrDefault(unit) + 1;
                                same[unit] = same.GetValueOrDefault(unit) + (choice == own.Choice ? 1 : 0);
                            }
                        }
                    }
                }

                foreach (var (unit, n) in total)
                {
                    if (n >= MinimumShared)
                    {
                        rates[_data.Units[unit]] = same[unit] / (double)n;
                    }
                }
            }

            _cache[(state, year)] = rates;
            return rates;
        }
    }
}
