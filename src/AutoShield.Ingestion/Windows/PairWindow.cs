using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// The window of one pair after an update: the last <see cref="WindowShape.Rows"/> connections as a row-major
/// matrix (oldest first, newest in the last row, zero rows in front while the pair is young), plus facts that
/// explanations quote. One instance is reused by its <see cref="WindowStore"/>: it is valid until the next call.
/// </summary>
/// <remarks>
/// The store keeps each pair's rows in a ring, so an update writes one row; the row-major matrix is put together
/// only when <see cref="Matrix"/> or <see cref="CopyTo"/> asks for it, and <see cref="Row"/> reads the ring in place.
/// </remarks>
public sealed class PairWindow
{
    private readonly float[] _matrix = new float[WindowShape.Cells];
    private readonly WindowStore _store;
    private int _slot;
    private int _head;
    private bool _materialized;
    private string? _label;

    internal PairWindow(WindowStore store)
    {
        _store = store;
    }

    public PairKey Key => _store.KeyAt(_slot);

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
    public string? Label => _label;

    public IpProtocol Protocol { get; private set; }

    public IpAddr SourceIp { get; private set; }

    public IpAddr DestinationIp { get; private set; }

    /// <summary>Destination port of the newest connection.</summary>
    public ushort DestinationPort { get; private set; }

    /// <summary>The newest connection's initiator as the source reported it (pod, labels, identity).</summary>
    public FlowEndpoint Source => _store.EndpointsAt(_slot).Source;

    public FlowEndpoint Destination => _store.EndpointsAt(_slot).Destination;

    public bool NewestFailed { get; private set; }

    /// <summary>The 20 x 12 matrix, row-major, oldest row first.</summary>
    public ReadOnlySpan<float> Matrix
    {
        get
        {
            if (!_materialized)
            {
                CopyTo(_matrix);
                _materialized = true;
            }

            return _matrix;
        }
    }

    /// <summary>Row <paramref name="row"/> of the matrix (0 oldest, 19 newest), read in place.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, WindowShape.Rows);

        // Logical row r lives at ring position head + r; while the pair is young those positions are still zero.
        var position = _head + row;
        if (position >= WindowShape.Rows)
        {
            position -= WindowShape.Rows;
        }

        return _store.RingAt(_slot).Slice(position * WindowShape.Features, WindowShape.Features);
    }

    public float this[int row, WindowFeature feature] => Row(row)[(int)feature];

    /// <summary>The newest row's value of a feature.</summary>
    public float Latest(WindowFeature feature) => Row(WindowShape.Rows - 1)[(int)feature];

    /// <summary>Writes the matrix (row-major, oldest row first) into <paramref name="destination"/>, at least 240 long.</summary>
    public void CopyTo(Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, WindowShape.Cells);
        var ring = _store.RingAt(_slot);
        var split = _head * WindowShape.Features;
        ring[split..].CopyTo(destination);
        ring[..split].CopyTo(destination[(WindowShape.Cells - split)..]);
    }

    internal void Set(int slot, in PairState state, int distinctPorts, in Connection newest)
    {
        _slot = slot;
        RowCount = state.RowCount;
        TotalConnections = state.TotalConnections;
        FailedConnections = state.FailedConnections;
        DistinctPorts = distinctPorts;
        DistinctPortsExact = state.ExactPorts >= 0;
        FirstSeenUnixNanos = state.FirstStartUnixNanos;
        LastUpdateUnixNanos = state.LastUpdateUnixNanos;
        if (!ReferenceEquals(_label, newest.Label))
        {
            // Labelled streams repeat a handful of interned labels; skip the write barrier when nothing changed.
            _label = newest.Label;
        }

        Protocol = newest.Protocol;
        SourceIp = newest.InitiatorIp;
        DestinationIp = newest.ResponderIp;
        DestinationPort = newest.ResponderPort;
        NewestFailed = newest.Failed;
        _head = state.Head;
        _materialized = false;
    }
}
