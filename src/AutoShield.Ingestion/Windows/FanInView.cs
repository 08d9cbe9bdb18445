namespace AutoShield.Ingestion.Windows;

/// <summary>
/// What one destination:port received over the fan-in horizon: how many connections, from how many distinct
/// sources, how many failed and how many were TCP SYNs nobody answered. Reused by its <see cref="FanInStore"/>:
/// valid until the next call.
/// </summary>
public sealed class FanInView
{
    private readonly FanInStore _store;
    private int _slot;

    internal FanInView(FanInStore store)
    {
        _store = store;
    }

    public DestinationKey Destination => _store.KeyAt(_slot);

    /// <summary>Connections to the destination:port inside the horizon.</summary>
    public int Connections { get; private set; }

    /// <summary>Connections that failed (dropped, or a TCP handshake that never completed).</summary>
    public int FailedConnections { get; private set; }

    /// <summary>TCP connections whose SYN got no reply at all (no SYN-ACK, no RST): half-open or dropped.</summary>
    public int UnansweredSyns { get; private set; }

    public double FailedRatio => Connections == 0 ? 0 : (double)FailedConnections / Connections;

    public int DistinctSources { get; private set; }

    /// <summary>False while the source count is a linear-counting estimate (more than 16 inside the horizon).</summary>
    public bool DistinctSourcesExact { get; private set; }

    /// <summary>Start of the oldest sub-interval still in view.</summary>
    public long HorizonStartUnixNanos { get; private set; }

    /// <summary>First connection start to the destination since it has been tracked (reset by eviction or expiry).</summary>
    public long FirstSeenUnixNanos { get; private set; }

    public long LastSeenUnixNanos { get; private set; }

    /// <summary>Connections since the destination has been tracked, inside the horizon or not.</summary>
    public long TotalConnections { get; private set; }

    internal void Set(int slot, in DestinationState state, int connections, int failed, int unanswered, int sources, bool sourcesExact, long horizonStart)
    {
        _slot = slot;
        Connections = connections;
        FailedConnections = failed;
        UnansweredSyns = unanswered;
        DistinctSources = sources;
        DistinctSourcesExact = sourcesExact;
        HorizonStartUnixNanos = horizonStart;
        FirstSeenUnixNanos = state.FirstSeenUnixNanos;
        LastSeenUnixNanos = state.LastSeenUnixNanos;
        TotalConnections = state.TotalConnections;
    }
}
