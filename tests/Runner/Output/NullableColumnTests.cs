using StemSimulator.Runner.Output;

namespace StemSimulator.Tests.Runner.Output;

/// <summary>An optional column of the trial table's row group: its values' array grows as values come.</summary>
public sealed class NullableColumnTests
{
    /// <summary>
    /// Values set one at a time across the growth steps (the first array of 4,096, then doubling) and a range reserved
    /// at once come back in row order with their levels, and the array never grows past one value per row.
    /// </summary>
    [Test]
    public void Values_grow_as_they_come_and_keep_their_order()
    {
        const int rows = 12_000;
        var column = new NullableColumn<int>(rows);
        Assert.That(column.Values, Is.Empty, "a column that is null in every row allocates no values");

        for (int row = 0; row < 9_000; row++)
        {
            if (row % 3 == 0)
            {
                column.Null(row);
            }
            else
            {
                column.Set(row, row * 7);
            }
        }

        column.Reserve(3_000);
        column.Levels.AsSpan(9_000, 3_000).Fill(1);
        for (int k = 0; k < 3_000; k++)
        {
            column.Values[column.Count + k] = -k;
        }

        column.Count += 3_000;
        int[] expected = [.. Enumerable.Range(0, 9_000).Where(r => r % 3 != 0).Select(r => r * 7), .. Enumerable.Range(0, 3_000).Select(k => -k)];
        Assert.That(column.Values.Take(column.Count), Is.EqualTo(expected));
        Assert.That(column.Levels.Count(l => l == 1), Is.EqualTo(column.Count));
        Assert.That(column.Values.Length, Is.EqualTo(rows), "6,000 values double the first 4,096 to 8,192; 9,000 reach the row capacity, not 16,384");
        Assert.That(() => column.Reserve(3_001), Throws.InstanceOf<ArgumentOutOfRangeException>(), "no more values than rows");
    }
}
