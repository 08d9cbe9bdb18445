namespace AutoShield.Testing;

/// <summary>
/// Measures managed allocations on the current thread for steady-state tests. The runtime itself sometimes
/// allocates once while a loop runs (tier-up, on-stack replacement, a static initialiser), which says nothing
/// about the code under test; a per-call allocation repeats in every round. So the body runs in several rounds
/// and the smallest round is reported: zero means the code under test allocates nothing per call.
/// </summary>
public static class Allocations
{
    /// <summary>The fewest bytes any of <paramref name="rounds"/> runs of <paramref name="round"/> allocated.</summary>
    public static long LeastPerRound(Action round, int rounds = 3)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var least = long.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
