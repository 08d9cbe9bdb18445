namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Distinct values over a sliding horizon in a fixed block per source: an exact set of up to
/// <see cref="ExactCapacity"/> values, each stamped with the sub-interval it was last seen in, and per
/// sub-interval a 512-bit linear-counting bitmap. While the exact set has room the count is exact; once it has
/// overflowed inside the horizon the count is the linear-counting estimate over the union of the sub-interval
/// bitmaps (about 3.3% standard error at 200 values, 4.6% at 1,000, saturating near 3,200).
/// </summary>
internal static class SlidingDistinct
{
    /// <summary>Sub-intervals of the horizon; the view covers the last 3 to 4 of them.</summary>
    public const int Buckets = 4;

    public const int ExactCapacity = 16;

    /// <summary>Machine words of one sub-interval bitmap (512 bits).</summary>
    public const int BitmapWords = 8;

    /// <summary>
    /// Records a value in the exact set. Entries pack the value (low 32 bits) with the relative sub-interval it was
    /// last seen in (high 32 bits); entries older than <paramref name="oldestValid"/> are free for reuse.
    /// </summary>
    /// <returns>False when the value is new and all entries are live: the exact set overflowed.</returns>
    public static bool TryAddExact(Span<ulong> entries, ref int used, uint value, uint epoch, uint oldestValid)
    {
        var free = -1;
        for (var i = 0; i < used; i++)
        {
            var entry = entries[i];
            var seen = (uint)(entry >> 32);
            if (seen < oldestValid)
            {
                if (free < 0)
                {
                    free = i;
                }
            }
            else if ((uint)entry == value)
            {
                if (epoch > seen)
                {
                    entries[i] = Pack(value, epoch);
                }

                return true;
            }
        }

        if (free < 0)
        {
            if (used == ExactCapacity)
            {
                return false;
            }

            free = used++;
        }

        entries[free] = Pack(value, epoch);
        return true;
    }

    public static int CountExact(ReadOnlySpan<ulong> entries, int used, uint oldestValid)
    {
        var count = 0;
        for (var i = 0; i < used; i++)
        {
            if ((uint)(entries[i] >> 32) >= oldestValid)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Linear-counting estimate over the union of the sub-interval bitmaps found at <paramref name="stride"/> apart.</summary>
    public static int EstimateUnion(ReadOnlySpan<ulong> block, int firstOffset, int stride)
    {
        Span<ulong> union = stackalloc ulong[BitmapWords];
        for (var b = 0; b < Buckets; b++)
        {
            var bitmap = block.Slice(firstOffset + (b * stride), BitmapWords);
            for (var w = 0; w < BitmapWords; w++)
            {
                union[w] |= bitmap[w];
            }
        }

        return LinearCounting.Estimate(union);
    }

    private static ulong Pack(uint value, uint epoch) => value | ((ulong)epoch << 32);
}
