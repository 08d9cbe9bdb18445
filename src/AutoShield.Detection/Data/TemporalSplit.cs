using AutoShield.Core.Windows;

namespace AutoShield.Detection.Data;

/// <summary>
/// An evaluation split that does not fool itself: each class (mapped class, else original label) is cut by time,
/// its latest windows going to the test side, so the test side is the future of the training side; then every test
/// window within 19 positions of a training window of the same connection sequence is dropped, because it would
/// share rows (connections) with that training window. No connection is seen on both sides.
/// </summary>
public static class TemporalSplit
{
    private const long NanosPerDay = 86_400L * 1_000_000_000L;

    /// <param name="testFraction">Share of each class's windows (by time) that goes to the test side.</param>
    public static DatasetSplit Split(WindowDataset data, IReadOnlyList<int> indices, SplitMode mode, double testFraction)
    {
        if (testFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "the test fraction lies in (0, 1)");
        }

        if (mode == SplitMode.None)
        {
            return new DatasetSplit([.. indices], [], 0);
        }

        var isTest = new Dictionary<int, bool>(indices.Count);
        foreach (var group in indices.GroupBy(i => data.Classes[i] ?? data.Labels[i] ?? "", StringComparer.Ordinal))
        {
            var members = group.OrderBy(i => data.TimeUnixNanos[i]).ThenBy(i => i).ToArray();
            var cut = Cut(members.Select(i => data.TimeUnixNanos[i]).ToArray(), mode, testFraction);
            foreach (var i in members)
            {
                isTest[i] = members.Length > 1 && data.TimeUnixNanos[i] >= cut;
            }
        }

        var purged = Purge(data, indices, isTest);
        var train = indices.Where(i => !isTest[i]).ToArray();
        var test = indices.Where(i => isTest[i] && !purged.Contains(i)).ToArray();
        return new DatasetSplit(train, test, purged.Count);
    }

    // The first time on the test side: the (1 - f) quantile, or for a multi-day class the midnight closest to it.
    private static long Cut(long[] sortedTimes, SplitMode mode, double testFraction)
    {
        var n = sortedTimes.Length;
        var k = Math.Clamp((int)Math.Ceiling(n * (1 - testFraction)), 1, n - 1 < 1 ? 1 : n - 1);
        var cut = sortedTimes[Math.Min(k, n - 1)];
        if (mode != SplitMode.Day)
        {
            return cut;
        }

        var bestShare = double.MaxValue;
        var best = cut;
        var firstDay = FloorDay(sortedTimes[0]);
        for (var day = firstDay + NanosPerDay; day <= sortedTimes[^1]; day += NanosPerDay)
        {
            var before = LowerBound(sortedTimes, day);
            if (before == 0 || before == n)
            {
                continue;
            }

            var distance = Math.Abs(((double)(n - before) / n) - testFraction);
            if (distance < bestShare)
            {
                bestShare = distance;
                best = day;
            }
        }

        return best;
    }

    private static HashSet<int> Purge(WindowDataset data, IReadOnlyList<int> indices, Dictionary<int, bool> isTest)
    {
        var purged = new HashSet<int>();
        foreach (var sequence in indices.GroupBy(i => data.Sequences[i]))
        {
            var ordered = sequence.OrderBy(i => data.Positions[i]).ToArray();
            var lastTrain = long.MinValue / 2;
            foreach (var i in ordered)
            {
                if (!isTest[i])
                {
                    lastTrain = data.Positions[i];
                }
                else if (data.Positions[i] - lastTrain < WindowShape.Rows)
                {
                    purged.Add(i);
                }
            }

            var nextTrain = long.MaxValue / 2;
            for (var j = ordered.Length - 1; j >= 0; j--)
            {
                var i = ordered[j];
                if (!isTest[i])
                {
                    nextTrain = data.Positions[i];
                }
                else if (nextTrain - data.Positions[i] < WindowShape.Rows)
                {
                    purged.Add(i);
                }
            }
        }

        return purged;
    }

    private static long FloorDay(long unixNanos) => unixNanos - (((unixNanos % NanosPerDay) + NanosPerDay) % NanosPerDay);

    private static int LowerBound(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
