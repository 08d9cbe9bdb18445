namespace AutoShield.Metrics;

/// <summary>Lock-free addition to a shared double, which Interlocked lacks as a single operation.</summary>
internal static class AtomicDouble
{
    public static void Add(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + value, current);
            // Compare bits, not values: once the cell holds NaN, NaN != NaN would spin forever.
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}
