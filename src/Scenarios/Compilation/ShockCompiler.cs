using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The shared shocks of a scenario's votes: the global shock and the shocks of blocs and regional groups.</summary>
internal sealed class ShockCompiler
{
    private readonly CompilationContext _context;

    public ShockCompiler(CompilationContext context) => _context = context;

    /// <summary>The shared-shock groups a scenario may name: the catalog's blocs and the five UN regional groups.</summary>
    private IEnumerable<string> ShockGroupNames => _context.Catalog.Blocs.Keys.Concat(RegionalGroups.Names).Order(StringComparer.Ordinal);

    /// <summary>Indices (into <see cref="ShockModel.BlocNames"/>) of the shocked groups <paramref name="code"/> belongs to on the date.</summary>
    public int[] GroupsOf(ShockModel shocks, string code, DateOnly date)
    {
        // A loop, not LINQ: asked for every member of every vote and variant as a scenario compiles.
        var names = shocks.BlocNames;
        List<int>? groups = null;
        for (int index = 0; index < names.Count; index++)
        {
            if (InShockGroup(names[index], code, date))
            {
                (groups ??= []).Add(index);
            }
        }

        return groups is null ? [] : [.. groups];
    }

    /// <summary>Checks and compiles the scenario's shocks (<see cref="ShockModel.None"/> when it has none).</summary>
    public ShockModel CompileShocks(ShocksDocument? shocks)
    {
        if (shocks is null)
        {
            return ShockModel.None;
        }

        // 'calibrated' starts from the embedded calibration's shock sizes; explicit values then replace them.
        var preset = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        double global = shocks.Preset is { } name ? Preset(shocks, name, preset, order) : 0;
        global = shocks.GlobalSd ?? global;
        const double max = CompilationContext.MaxShockSd;
        _context.CheckRange(shocks, "global_sd", global, 0, max, "a shock's standard deviation");
        foreach (var (written, sd) in shocks.Blocs ?? [])
        {
            // Any spelling of a group (any case, the older region names) is read as its canonical name.
            var groups = _context.MemberSets.Groups;
            if (groups.Canonical(written) is not { } bloc)
            {
                _context.Error(shocks.Blocs!, written, groups.Unknown(written));
                continue;
            }

            if (sd < 0 || sd > max)
            {
                _context.Error(shocks.Blocs!, written, $"the shock of bloc {bloc} must have a standard deviation between 0 and {max}, not {sd}");
                continue;
            }

            preset[bloc] = sd;
            if (!order.Contains(bloc))
            {
                order.Add(bloc);
            }
        }

        // Blocs keep the order written (a bloc's index keys its random numbers); preset ones come first.
        var names = order.ToArray();
        return global >= 0 && global <= max ? new ShockModel(global, names, names.Select(n => preset[n]).ToArray()) : ShockModel.None;
    }

    /// <summary>Fills the calibrated preset's group shock sizes; returns its global shock (0 for an unknown preset, reported).</summary>
    private double Preset(ShocksDocument shocks, string name, Dictionary<string, double> preset, List<string> order)
    {
        if (name != "calibrated")
        {
            _context.Error(shocks, "preset", $"unknown shock preset '{name}'{Suggestions.DidYouMean(name, ["calibrated"])} (the only preset is 'calibrated': the shock sizes estimated by the calibration)");
            return 0;
        }

        var model = _context.Catalog.CalibrationModel;
        foreach (var group in ShockGroupNames)
        {
            if (model.Number("shock_sd_" + group) is { } sd && sd > 0)
            {
                preset[group] = sd;
                order.Add(group);
            }
        }

        return model.Number("shock_sd_global") ?? 0;
    }

    private bool InShockGroup(string name, string code, DateOnly date) =>
        RegionalGroups.Find(name) is { } group
            ? _context.Catalog.FindState(code)?.Group == group
            : _context.Catalog.Blocs[name].Contains(code, date);
}
