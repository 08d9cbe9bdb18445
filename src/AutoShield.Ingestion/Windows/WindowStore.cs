using AutoShield.Core.Flows;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Per pair (initiator identity → responder identity), the last 20 connections as rows of the 12 window features
/// (<see cref="WindowFeature"/>). Bounded: at most <see cref="WindowStoreOptions.MaxPairs"/> pairs, the least
/// recently updated evicted first, idle pairs expired by event time. Storage is preallocated and reused, so once
/// grown an update, insert or eviction allocates nothing. Single-threaded.
/// </summary>
/// <remarks>
/// Feature 1 is an exponentially decayed count, rate ← rate·e^(−Δt/τ) + 1 with Δt the seconds since the pair's
/// previous connection start: with τ = 1 s it approximates the connections started in the last second (a steady
/// r per second settles at about r + ½ for r ≫ 1). Connections that start before the previous one (they arrive
/// in close order) use Δt = 0 for features 1, 9 and 10. Feature 12 is exact up to 64 distinct ports, then a
/// linear-counting estimate (see <see cref="PortSet"/>). Memory: about 1.3 KB per pair (960 B of rows).
/// </remarks>
public sealed class WindowStore
{
    private const double NanosPerSecond = 1e9;

    private readonly SlotTable<PairKey> _table;
    private readonly RecencyQueue _recency;
    private readonly ChunkedBuffer<float> _rings = new(WindowShape.Cells);
    private readonly ChunkedBuffer<ushort> _ports = new(PortSet.BlockLength);
    private readonly PairWindow _window;
    private readonly double _tauSeconds;
    private readonly long _idleNanos;
    private PairState[] _states = [];
    private PairEndpoints[] _endpoints = [];

    public WindowStore(WindowStoreOptions? options = null)
    {
        options ??= new WindowStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPairs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RateTimeConstant, TimeSpan.Zero);
        Options = options;
        _tauSeconds = options.RateTimeConstant.TotalSeconds;
        _idleNanos = options.IdleTimeout.Ticks * 100;
        _table = new SlotTable<PairKey>(options.InitialCapacity, options.MaxPairs);
        _recency = new RecencyQueue(_table.Capacity);
        _window = new PairWindow(this);
        EnsureStorage();
    }

    public WindowStoreOptions Options { get; }

    /// <summary>Pairs held now.</summary>
    public int Count => _table.Count;

    /// <summary>Pairs dropped to make room for a new one.</summary>
    public long Evicted { get; private set; }

    /// <summary>Pairs dropped by <see cref="ExpireIdle"/>.</summary>
    public long Expired { get; private set; }

    /// <summary>Adds the connection as the newest row of its pair and returns the pair's window (reused; valid until the next call).</summary>
    public PairWindow Update(in Connection connection)
    {
        var key = new PairKey(
            EndpointIdentity.From(connection.Initiator, connection.InitiatorIp),
            EndpointIdentity.From(connection.Responder, connection.ResponderIp));
        var hash = IdentityHash.Of(key);
        var slot = _table.Find(key, hash);
        if (slot < 0)
        {
            slot = AddPair(key, hash);
        }

        _recency.Touch(slot);
        ref var state = ref _states[slot];
        var head = state.Head;
        var distinctPorts = Accumulate(ref state, slot, connection, out var interArrival);

        // The newest row overwrites the oldest in the pair's ring; the window reads the ring oldest-first.
        WriteRow(_rings.For(slot).Slice(head * WindowShape.Features, WindowShape.Features), state, distinctPorts, interArrival, connection);
        _endpoints[slot].Refresh(connection.Initiator, connection.Responder);
        _window.Set(slot, state, distinctPorts, connection);
        return _window;
    }

    /// <summary>Drops pairs whose last connection ended more than the idle timeout before <paramref name="nowUnixNanos"/>.</summary>
    /// <returns>The number of pairs dropped.</returns>
    /// <remarks>Walks pairs from the least recently updated and stops at the first one still fresh.</remarks>
    public int ExpireIdle(long nowUnixNanos)
    {
        var dropped = 0;
        for (var slot = _recency.Oldest(); slot >= 0 && nowUnixNanos - _states[slot].LastUpdateUnixNanos >= _idleNanos; slot = _recency.Oldest())
        {
            RemovePair(slot);
            dropped++;
        }

        Expired += dropped;
        return dropped;
    }

    internal PairKey KeyAt(int slot) => _table.KeyAt(slot);

    internal ref readonly PairEndpoints EndpointsAt(int slot) => ref _endpoints[slot];

    internal Span<float> RingAt(int slot) => _rings.For(slot);

    private int AddPair(in PairKey key, int hash)
    {
        if (_table.IsFull)
        {
            RemovePair(_recency.Oldest());
            Evicted++;
        }

        var slot = _table.Add(key, hash);
        EnsureStorage();
        _states[slot] = default;
        _rings.For(slot).Clear();
        return slot;
    }

    private void RemovePair(int slot)
    {
        _recency.Forget(slot);
        _table.Remove(slot);
        _endpoints[slot] = default;
    }

    private void EnsureStorage()
    {
        if (_states.Length < _table.Capacity)
        {
            Array.Resize(ref _states, _table.Capacity);
            Array.Resize(ref _endpoints, _table.Capacity);
            _recency.Grow(_table.Capacity);
            _rings.EnsureSlots(_table.Capacity);
            _ports.EnsureSlots(_table.Capacity);
        }
    }

    /// <summary>Folds the connection into the pair's running statistics; returns the distinct port count.</summary>
    private int Accumulate(ref PairState state, int slot, in Connection connection, out double interArrival)
    {
        var start = connection.StartUnixNanos;
        var port = connection.ResponderPort;
        interArrival = 0;
        if (state.TotalConnections == 0)
        {
            state.Rate = 1;
            state.FirstStartUnixNanos = start;
            state.LastStartUnixNanos = start;
            state.LastUpdateUnixNanos = long.MinValue;
            PortSet.Add(_ports.For(slot), ref state.ExactPorts, port);
        }
        else
        {
            var gap = start > state.LastStartUnixNanos ? (start - state.LastStartUnixNanos) / NanosPerSecond : 0;
            interArrival = gap;
            state.Rate = (state.Rate * Math.Exp(-gap / _tauSeconds)) + 1;
            var intervals = state.TotalConnections;
            var delta = gap - state.IntervalMean;
            state.IntervalMean += delta / intervals;
            state.IntervalM2 += delta * (gap - state.IntervalMean);
            state.LastStartUnixNanos = Math.Max(state.LastStartUnixNanos, start);
            if (port != state.LastPort)
            {
                PortSet.Add(_ports.For(slot), ref state.ExactPorts, port);
            }
        }

        state.TotalConnections++;
        state.LastPort = port;
        if (connection.Failed)
        {
            state.FailedConnections++;
        }

        state.LastUpdateUnixNanos = Math.Max(state.LastUpdateUnixNanos, Math.Max(start, connection.EndUnixNanos));
        return state.ExactPorts >= 0 ? state.ExactPorts : PortSet.Count(_ports.For(slot), state.ExactPorts);
    }

    private static void WriteRow(Span<float> row, in PairState state, int distinctPorts, double interArrival, in Connection connection)
    {
        row[(int)WindowFeature.ConnectionRate] = (float)state.Rate;
        row[(int)WindowFeature.BytesSent] = connection.BytesSent >= 0 ? connection.BytesSent : float.NaN;
        row[(int)WindowFeature.BytesReceived] = connection.BytesReceived >= 0 ? connection.BytesReceived : float.NaN;
        row[(int)WindowFeature.SynCount] = connection.SynCount;
        row[(int)WindowFeature.AckCount] = connection.AckCount;
        row[(int)WindowFeature.RstCount] = connection.RstCount;
        row[(int)WindowFeature.FinCount] = connection.FinCount;
        row[(int)WindowFeature.Duration] = (float)(Math.Max(0, connection.DurationNanos) / NanosPerSecond);
        row[(int)WindowFeature.InterArrival] = (float)interArrival;
        row[(int)WindowFeature.InterArrivalSpread] = state.Intervals >= 2
            ? (float)Math.Sqrt(state.IntervalM2 / state.Intervals)
            : 0f;
        row[(int)WindowFeature.FailedRatio] = (float)state.FailedConnections / state.TotalConnections;
        row[(int)WindowFeature.DistinctPorts] = distinctPorts;
    }
}
