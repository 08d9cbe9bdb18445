using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// The window of one pair after an update: the last <see cref="WindowShape.Rows"/> connections as a row-major
/// matrix (oldest first, newest in the last row, zero rows in front while the pair is young), plus facts that
/// explanations quote. One instance is reused by its <see cref="WindowStore"/>: it is valid until the next call.
/// </summary>
public sealed class PairWindow
{
    private float[] _chunk = [];
    private int _offset;

    public PairKey Key { get; private set; }

    /// <summary>Rows that hold real connections; the first <c>Rows - RowCount</c> rows are zero padding.</summary>
    public int RowCount { get; private set; }

    /// <summary>Connections of the pair since it was first seen (or since it was last evicted or expired).</summary>
    public long TotalConnections { get; private set; }

    public long FailedConnections { get; private set; }

    /// <summary>Distinct destination ports of the pair so far (feature 12, as an integer).</summary>
    public int DistinctPorts { get; private set; }

    /// <summary>False once the pair has more than 64 distinct ports and the count is a linear-counting estimate.</summary>
    public bool DistinctPortsExact { get; private set; }

    public long FirstSeenUnixNanos { get; private set; }

    /// <summary>Latest event time of the pair's connections (their end), the clock of idle expiry.</summary>
    public long LastUpdateUnixNanos { get; private set; }

    /// <summary>Ground-truth label of the newest connection, when the source is labelled.</summary>
    public string? Label { get; private set; }

    public IpProtocol Protocol { get; private set; }

    public IpAddr SourceIp { get; private set; }

    public IpAddr DestinationIp { get; private set; }

    /// <summary>Destination port of the newest connection.</summary>
    public ushort DestinationPort { get; private set; }

    /// <summary>The newest connection's initiator as the source reported it (pod, labels, identity).</summary>
    public FlowEndpoint Source { get; private set; }

    public FlowEndpoint Destination { get; private set; }

    public bool NewestFailed { get; private set; }

    public ReadOnlySpan<float> Matrix => _chunk.AsSpan(_offset, WindowShape.Cells);

    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, WindowShape.Rows);
        return _chunk.AsSpan(_offset + (row * WindowShape.Features), WindowShape.Features);
    }

    public float this[int row, WindowFeature feature] => Row(row)[(int)feature];

    /// <summary>The newest row's value of a feature.</summary>
    public float Latest(WindowFeature feature) => Row(WindowShape.Rows - 1)[(int)feature];

    public void CopyTo(Span<float> destination) => Matrix.CopyTo(destination);

    internal void Set(in PairKey key, in PairState state, int distinctPorts, float[] chunk, int offset, in Connection newest)
    {
        Key = key;
        RowCount = state.RowCount;
        TotalConnections = state.TotalConnections;
        FailedConnections = state.FailedConnections;
        DistinctPorts = distinctPorts;
        DistinctPortsExact = state.ExactPorts >= 0;
        FirstSeenUnixNanos = state.FirstStartUnixNanos;
        LastUpdateUnixNanos = state.LastUpdateUnixNanos;
        Label = newest.Label;
        Protocol = newest.Protocol;
        SourceIp = newest.InitiatorIp;
        DestinationIp = newest.ResponderIp;
        DestinationPort = newest.ResponderPort;
        Source = newest.Initiator;
        Destination = newest.Responder;
        NewestFailed = newest.Failed;
        _chunk = chunk;
        _offset = offset;
    }
}
