using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// What one source did over the fan-out horizon: how many connections, to how many distinct destinations and
/// ports, how many failed. Reused by its <see cref="FanOutStore"/>: valid until the next call.
/// </summary>
public sealed class FanOutView
{
    private readonly FanOutStore _store;
    private int _slot;

    internal FanOutView(FanOutStore store)
    {
        _store = store;
    }

    public EndpointIdentity Source => _store.KeyAt(_slot);

    /// <summary>Connections of the source inside the horizon.</summary>
    public int Connections { get; private set; }

    public int FailedConnections { get; private set; }

    public double FailedRatio => Connections == 0 ? 0 : (double)FailedConnections / Connections;

    public int DistinctDestinations { get; private set; }

    public int DistinctPorts { get; private set; }

    /// <summary>False while the destination count is a linear-counting estimate (more than 16 inside the horizon).</summary>
    public bool DistinctDestinationsExact { get; private set; }

    public bool DistinctPortsExact { get; private set; }

    /// <summary>Start of the oldest sub-interval still in view.</summary>
    public long HorizonStartUnixNanos { get; private set; }

    /// <summary>First connection start of the source since it has been tracked (reset by eviction or expiry).</summary>
    public long FirstSeenUnixNanos { get; private set; }

    public long LastSeenUnixNanos { get; private set; }

    /// <summary>Connections since the source has been tracked, inside the horizon or not.</summary>
    public long TotalConnections { get; private set; }

    internal void Set(
        int slot,
        in SourceState state,
        int connections,
        int failed,
        int destinations,
        bool destinationsExact,
        int ports,
        bool portsExact,
        long horizonStart)
    {
        _slot = slot;
        Connections = connections;
        FailedConnections = failed;
        DistinctDestinations = destinations;
        DistinctDestinationsExact = destinationsExact;
        DistinctPorts = ports;
        DistinctPortsExact = portsExact;
        HorizonStartUnixNanos = horizonStart;
        FirstSeenUnixNanos = state.FirstSeenUnixNanos;
        LastSeenUnixNanos = state.LastSeenUnixNanos;
        TotalConnections = state.TotalConnections;
    }
}
