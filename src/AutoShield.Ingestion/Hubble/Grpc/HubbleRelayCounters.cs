namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// What a <see cref="HubbleRelayClient"/> has seen so far. Written by the streaming loop only; other threads read
/// them for metrics and status pages, where a slightly stale value is fine (hence Volatile, not locks).
/// </summary>
public sealed class HubbleRelayCounters
{
    private long _received;
    private long _bad;
    private long _skipped;
    private long _duplicates;
    private long _reconnects;
    private long _lostEvents;
    private string? _lastError;

    /// <summary>Flow events delivered to the consumer.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Messages that could not be decoded or converted, each reported as a ParseError.</summary>
    public long Bad => Volatile.Read(ref _bad);

    /// <summary>Well-formed messages that carry no flow (node status, lost-events notices).</summary>
    public long Skipped => Volatile.Read(ref _skipped);

    /// <summary>Flows dropped after a reconnect because they had already been delivered.</summary>
    public long Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>New calls made after a failed or ended one.</summary>
    public long Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Events Hubble itself reported as lost (sum of <c>num_events_lost</c>).</summary>
    public long LostEvents => Volatile.Read(ref _lostEvents);

    /// <summary>The most recent connection or call failure, for status reports; null until one happens.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountBad() => Interlocked.Increment(ref _bad);

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    internal void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void CountReconnect() => Interlocked.Increment(ref _reconnects);

    internal void AddLostEvents(ulong count) => Interlocked.Add(ref _lostEvents, (long)Math.Min(count, long.MaxValue));

    internal void RecordError(string message) => Volatile.Write(ref _lastError, message);
}
