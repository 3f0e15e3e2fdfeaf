namespace StemSimulator.Engine.Model;

/// <summary>Everything the engine needs to run a scenario: seed, trials and the variants' votes and elections.</summary>
public sealed class SimulationModel
{
    /// <summary>Creates a model; throws when variants disagree on their votes.</summary>
    /// <param name="seed">Seed of the counter-based random numbers.</param>
    /// <param name="trials">Number of trials, &gt;= 1.</param>
    /// <param name="variants">The baseline first, then what-ifs; at least one.</param>
    public SimulationModel(ulong seed, long trials, IReadOnlyList<VariantModel> variants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (variants.Count == 0)
        {
            throw new ArgumentException("At least one variant (the baseline).", nameof(variants));
        }

        var ids = variants[0].Votes.Select(v => v.Id).ToArray();
        var electionIds = variants[0].Elections.Select(e => e.Id).ToArray();
        if (ids.Length == 0 && electionIds.Length == 0)
        {
            throw new ArgumentException("At least one vote or election.", nameof(variants));
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            throw new ArgumentException("Vote ids must be unique.", nameof(variants));
        }

        foreach (var variant in variants)
        {
            if (!variant.Votes.Select(v => v.Id).SequenceEqual(ids, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Variant '{variant.Name}' must have the same votes as the baseline.", nameof(variants));
            }

            if (!variant.Elections.Select(e => e.Id).SequenceEqual(electionIds, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Variant '{variant.Name}' must have the same elections as the baseline.", nameof(variants));
            }
        }

        if (variants.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != variants.Count)
        {
            throw new ArgumentException("Variant names must be unique.", nameof(variants));
        }

        Seed = seed;
        Trials = trials;
        Variants = variants;
    }

    /// <summary>Seed of the counter-based random numbers.</summary>
    public ulong Seed { get; }

    /// <summary>Number of trials of the whole run.</summary>
    public long Trials { get; }

    /// <summary>The baseline first, then what-ifs.</summary>
    public IReadOnlyList<VariantModel> Variants { get; }

    /// <summary>Votes per variant.</summary>
    public int VoteCount => Variants[0].Votes.Count;

    /// <summary>Elections per variant.</summary>
    public int ElectionCount => Variants[0].Elections.Count;
}
