using StemSimulator.Engine.Members;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// The groups whose members share a shock on a roll call in the backtest and in <c>shocks: calibrated</c>: the five
/// UN regional groups (by today's membership table) and three blocs with dated memberships (EU, OIC, NAM).
/// </summary>
internal sealed class ShockBlocs
{
    /// <summary>Shock names: the regional groups as the scenario language writes them, then the blocs.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. RegionalGroupNames.All, "EU", "OIC", "NAM"];

    /// <summary>Number of regional groups (the first entries of <see cref="Names"/>).</summary>
    public static int GroupCount => RegionalGroupNames.All.Count;

    private readonly IMembershipRecord _catalog;
    private readonly Dictionary<(string, int), int[]> _cache = [];

    public ShockBlocs(IMembershipRecord catalog) => _catalog = catalog;

    /// <summary>Regional group index of a unit (0 .. 4), or -1 for units that are not today's members.</summary>
    public int GroupOf(string unit) => _catalog.FindState(unit) is { IsObserver: false } state ? RegionalGroupNames.IndexOf(state.Group) : -1;

    /// <summary>Indices into <see cref="Names"/> of the shocks a unit shares in <paramref name="year"/> (memberships on 1 October).</summary>
    public int[] Of(string unit, int year)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue((unit, year), out var known))
            {
                return known;
            }

            var date = new DateOnly(year, 10, 1);
            var list = new List<int>();
            int group = GroupOf(unit);
            if (group >= 0)
            {
                list.Add(group);
            }

            for (int b = GroupCount; b < Names.Count; b++)
            {
                if (_catalog.Blocs.TryGetValue(Names[b], out var bloc) && bloc.Contains(unit, date))
                {
                    list.Add(b);
                }
            }

            return _cache[(unit, year)] = list.ToArray();
        }
    }
}
