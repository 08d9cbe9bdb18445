namespace AutoShield.Core.Flows;

/// <summary>
/// What a reader has seen so far. Updated by the reader's own thread; read by others only for reporting, where
/// a slightly stale figure is fine (hence Volatile, not locks).
/// </summary>
public sealed class SourceCounters
{
    private long _good;
    private long _bad;
    private long _skipped;

    /// <summary>Records turned into flow events.</summary>
    public long Good => Volatile.Read(ref _good);

    /// <summary>Malformed records, each reported as a <see cref="ParseError"/>.</summary>
    public long Bad => Volatile.Read(ref _bad);

    /// <summary>Well-formed records that carry no flow (Hubble node status, lost-events notices, blank lines).</summary>
    public long Skipped => Volatile.Read(ref _skipped);

    public void CountGood() => Interlocked.Increment(ref _good);

    public void CountBad() => Interlocked.Increment(ref _bad);

    public void CountSkipped() => Interlocked.Increment(ref _skipped);
}
