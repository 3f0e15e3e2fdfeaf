namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The Assembly roll calls labelled with the states their texts concern (<c>ReferenceData/roll_call_concerns.csv</c>,
/// made by <c>tools/refdata/make_roll_call_concerns.py</c>; docs/concerned-party.md).
/// </summary>
public static class RollCallConcerns
{
    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> LazyEmbedded =
        new(() => Load(static records => records.Text(3).Split(';', StringSplitOptions.RemoveEmptyEntries)), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyTopics =
        new(() => Load(static records => records.Text(4)), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Roll-call id (as in the calibration) to the ISO3 codes of the states concerned, in the order listed.</summary>
    public static IReadOnlyDictionary<string, string[]> Embedded => LazyEmbedded.Value;

    /// <summary>Roll-call id to the labelling rule that found its concerned states, a topic in words ("ukraine-territorial-integrity", "crimea").</summary>
    public static IReadOnlyDictionary<string, string> Topics => LazyTopics.Value;

    /// <summary>The table's records from their spans (<see cref="ReferenceRecords.FromSpans"/>): a string only for the fields kept.</summary>
    private static Dictionary<string, T> Load<T>(Func<ReferenceRecords, T> select)
    {
        const string resource = ReferenceCatalog.ResourcePrefix + "roll_call_concerns.csv";
        var stream = typeof(RollCallConcerns).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var records = ReferenceRecords.FromSpans(new StreamReader(stream), resource);
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        bool header = true;
        while (records.Read())
        {
            if (header)
            {
                header = false;
                continue;
            }

            result[records.Text(0)] = select(records);
        }

        return result;
    }
}
