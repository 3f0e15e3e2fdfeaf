using StemSimulator.Engine.VetoRecord;
using StemSimulator.Runner.VetoRecord;
using StemSimulator.Tests.ReferenceData;

namespace StemSimulator.Tests.Runner.VetoRecord;

/// <summary>The shared veto and resolution records, loaded once for the veto-record tests.</summary>
internal static class VetoRecordTestData
{
    private static readonly Lazy<VetoRecordData> LazyData = new(() => VetoRecordData.Load(SharedData.RequireUnDataDirectory()));

    /// <summary>The shared data (skips the test when ../shared/data/un is absent).</summary>
    public static VetoRecordData Shared
    {
        get
        {
            SharedData.RequireUnDataDirectory();
            return LazyData.Value;
        }
    }

    /// <summary>The matched events with the default rules.</summary>
    public static IReadOnlyList<VetoEvent> SharedEvents => FollowUpMatcher.Match(Shared.Vetoes, Shared.Votes, new MatchingRules());
}
