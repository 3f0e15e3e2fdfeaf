using StemSimulator.Scenarios.Councils;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Tests.Scenarios.Councils;

/// <summary>The built-in council models: names, sizes, quotas and veto holders as documented, on the 2026 membership.</summary>
public sealed class CouncilCatalogTests
{
    [Test]
    public void Built_in_models_are_named_for_the_council_option()
    {
        Assert.That(CouncilCatalog.Names, Is.EqualTo(new[] { "current", "g4", "au-ezulwini", "ufc", "veto-two-to-block", "veto-restraint" }));
        Assert.That(CouncilCatalog.Find("g4")!.Name, Is.EqualTo("g4"));
        Assert.That(CouncilCatalog.Find("G4"), Is.Null);
    }

    [TestCase("current", 15, 9, 5, 1)]
    [TestCase("g4", 25, 14, 5, 1)]
    [TestCase("au-ezulwini", 26, 15, 11, 1)]
    [TestCase("ufc", 25, 15, 5, 1)]
    [TestCase("veto-two-to-block", 15, 9, 5, 2)]
    [TestCase("veto-restraint", 15, 9, 0, 1)]
    public void Model_has_its_documented_size_quota_and_veto(string name, int members, int quota, int vetoHolders, int blocking)
    {
        var council = CouncilCatalog.Find(name)!;

        Assert.That(council.MemberCount, Is.EqualTo(members));
        Assert.That(council.Quota, Is.EqualTo(quota));
        Assert.That(council.VetoHolders, Is.EqualTo(vetoHolders));
        Assert.That(council.VetoBlocking, Is.EqualTo(blocking));
        Assert.That(council.Description, Is.Not.Empty);
    }

    [Test]
    public void Current_council_holds_the_permanent_members_and_the_2026_elected_members()
    {
        var current = CouncilCatalog.Find("current")!;

        Assert.That(current.Classes[0].Members, Is.EqualTo(ReferenceCatalog.PermanentMembers));
        Assert.That(current.Classes[0].Veto, Is.True);
        Assert.That(current.Classes[1].Members, Is.EquivalentTo(new[] { "BHR", "COD", "COL", "DNK", "GRC", "LBR", "LVA", "PAK", "PAN", "SOM" }));
    }

    [Test]
    public void Reform_models_keep_todays_seats_and_add_named_new_ones()
    {
        var g4 = CouncilCatalog.Find("g4")!;

        Assert.That(g4.Classes.Single(c => c.Type == "new_permanent").Members, Has.Count.EqualTo(6).And.All.StartWith("new-permanent-"));
        Assert.That(g4.Classes.Single(c => c.Type == "new_permanent").Veto, Is.False);
        Assert.That(g4.Classes.Single(c => c.Type == "elected").Members, Is.SupersetOf(ReferenceCatalog.Embedded.ElectedCouncilMembers(2026)));
        Assert.That(CouncilCatalog.Find("au-ezulwini")!.Classes.Single(c => c.Type == "new_permanent").Veto, Is.True);
    }
}
