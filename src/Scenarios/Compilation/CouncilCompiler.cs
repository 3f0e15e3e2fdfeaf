using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Councils;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The Council's seats on a draft: the ten elected members a vote names and a reformed Council's model.</summary>
internal sealed class CouncilCompiler
{
    private readonly CompilationContext _context;

    public CouncilCompiler(CompilationContext context) => _context = context;

    /// <summary>A reformed Council's quota and veto, from the built-in model.</summary>
    public static CouncilRule ReformRule(ReformDocument reform)
    {
        var model = CouncilCatalog.Find(reform.Model)!;
        return new CouncilRule(model.Quota, model.VetoHolders == 0 ? int.MaxValue : model.VetoBlocking);
    }

    /// <summary>Checks a list of the Council's ten elected members.</summary>
    public void CheckCouncil(object owner, string key, string[] elected, DateOnly date)
    {
        var codes = _context.CheckCodes(elected, date);
        if (codes is null)
        {
            return;
        }

        if (codes.Length != 10 || codes.Distinct(StringComparer.Ordinal).Count() != 10)
        {
            _context.Error(owner, key, $"the Council has ten elected members, all different; found {codes.Distinct(StringComparer.Ordinal).Count()} different");
        }

        foreach (var permanent in codes.Where(c => PermanentMembersExtensions.FromCode(c) != PermanentMembers.None))
        {
            _context.Error(owner, key, $"{permanent} is a permanent member; list only the ten elected members");
        }
    }

    /// <summary>Checks a reform: a known model without new vetoes, the right number of new members, no member in two seats.</summary>
    public void CheckReform(ReformDocument reform, string[]? council, DateOnly date)
    {
        var model = CouncilCatalog.Find(reform.Model);
        if (model is null)
        {
            _context.Error(reform, "model", $"unknown Council model '{reform.Model}'{Suggestions.DidYouMean(reform.Model, CouncilCatalog.Names)} (models: {string.Join(", ", CouncilCatalog.Names)})");
            return;
        }

        if (model.Classes.Any(c => c.Veto && !c.Members.All(m => PermanentMembersExtensions.FromCode(m) != PermanentMembers.None)))
        {
            _context.Error(reform, "model", $"'{reform.Model}' gives new members a veto; the vote engine models the vetoes of the five permanent members only");
            return;
        }

        int newPermanent = model.Classes.Where(c => c.Type == "new_permanent").Sum(c => c.Count);
        int newElected = model.MemberCount - 5 - newPermanent - 10;
        foreach (var (key, codes, expected) in new[] { ("new_permanent", reform.NewPermanent, newPermanent), ("new_elected", reform.NewElected, newElected) })
        {
            if ((codes?.Length ?? 0) != expected)
            {
                _context.Error(reform, key, $"the '{reform.Model}' model has {expected} {key.Replace('_', ' ')} seat(s); list {expected} member(s), found {codes?.Length ?? 0}");
            }

            _context.CheckCodes(codes, date);
        }

        var catalog = _context.Catalog;
        var all = PermanentMembersExtensions.AllCodes
            .Concat(reform.NewPermanent ?? []).Concat(council ?? (catalog.CouncilYears.Contains(date.Year) ? catalog.ElectedCouncilMembers(date.Year) : []))
            .Concat(reform.NewElected ?? []).ToArray();
        foreach (var duplicate in all.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            _context.Error(reform, "model", $"{duplicate} would hold two seats in the reformed Council; each member holds one");
        }
    }
}
