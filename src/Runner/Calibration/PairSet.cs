namespace StemSimulator.Runner.Calibration;

/// <summary>
/// A set of pairs of small non-negative integers (a roll call and a unit or member code), as one row of bits per
/// first element, grown as needed. The loader's duplicate checks add a pair for nearly every row of the vote files,
/// which a hash set pays for with a hash, a probe and its growth per row; here it is a shift and a mask. Pairs whose
/// second element is <see cref="DenseLimit"/> or more (a malformed code) go to a hash set, so no input makes the rows large.
/// </summary>
internal sealed class PairSet
{
    /// <summary>Second elements below this are kept as bits.</summary>
    public const int DenseLimit = 1 << 16;

    private readonly HashSet<(int, int)> _sparse = [];
    private ulong[]?[] _rows = [];

    /// <summary>Adds the pair; false when it was there already.</summary>
    /// <param name="first">The first element, at least 0.</param>
    /// <param name="second">The second element, at least 0.</param>
    public bool Add(int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        if (second >= DenseLimit)
        {
            return _sparse.Add((first, second));
        }

        if (first >= _rows.Length)
        {
            Array.Resize(ref _rows, Math.Max(first + 1, _rows.Length * 2));
        }

        ref var row = ref _rows[first];
        int word = second >> 6;
        if (row is null || word >= row.Length)
        {
            Array.Resize(ref row, Math.Max(word + 1, Math.Max(4, (row?.Length ?? 0) * 2)));
        }

        ulong bit = 1UL << (second & 63);
        if ((row[word] & bit) != 0)
        {
            return false;
        }

        row[word] |= bit;
        return true;
    }

    /// <summary>Whether the pair is in the set (false for negative elements).</summary>
    public bool Contains(int first, int second)
    {
        if (second >= DenseLimit)
        {
            return _sparse.Contains((first, second));
        }

        if (first < 0 || second < 0 || first >= _rows.Length || _rows[first] is not { } row)
        {
            return false;
        }

        int word = second >> 6;
        return word < row.Length && (row[word] & (1UL << (second & 63))) != 0;
    }
}
