namespace AutoShield.Detection.Runtime;

/// <summary>
/// One destination:port's HTTP connections and those refused (401) in fixed sub-intervals of the rule's interval: a
/// ring of buckets, so counting allocates nothing and old buckets drop out as time moves on.
/// </summary>
internal sealed class AuthFailureCounts
{
    public const int Buckets = 12;

    private readonly int[] _http = new int[Buckets];
    private readonly int[] _refused = new int[Buckets];
    private readonly long[] _bucketIndex = new long[Buckets];

    public long FirstSeenUnixNanos { get; private set; } = long.MaxValue;

    public long LastSeenUnixNanos { get; private set; } = long.MinValue;

    /// <summary>Counts one HTTP connection that ended at <paramref name="at"/>; returns (http, refused) over the interval.</summary>
    public (int Http, int Refused) Add(long at, bool refused, long bucketNanos)
    {
        var index = at / bucketNanos;
        var slot = (int)(((index % Buckets) + Buckets) % Buckets);
        if (_bucketIndex[slot] != index)
        {
            _bucketIndex[slot] = index;
            _http[slot] = 0;
            _refused[slot] = 0;
        }

        _http[slot]++;
        _refused[slot] += refused ? 1 : 0;
        if (LastSeenUnixNanos != long.MinValue && index - (LastSeenUnixNanos / bucketNanos) >= Buckets)
        {
            // Idle for a whole interval: what came before no longer counts for the span either.
            FirstSeenUnixNanos = long.MaxValue;
        }

        FirstSeenUnixNanos = Math.Min(FirstSeenUnixNanos, at);
        LastSeenUnixNanos = Math.Max(LastSeenUnixNanos, at);
        var http = 0;
        var refusedTotal = 0;
        for (var i = 0; i < Buckets; i++)
        {
            if (index - _bucketIndex[i] is >= 0 and < Buckets)
            {
                http += _http[i];
                refusedTotal += _refused[i];
            }
        }

        return (http, refusedTotal);
    }
}
