using AutoShield.Core.Flows;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Per source identity, what it did over a sliding horizon (event time): connections, distinct destinations,
/// distinct ports, failed share. Catches scans across many hosts and lateral movement that no single pair shows.
/// Bounded like <see cref="WindowStore"/> (least recently updated source evicted at the cap, idle sources
/// expired); about 1 KB per source, preallocated and reused, so an update allocates nothing. Single-threaded.
/// </summary>
/// <remarks>
/// The horizon is kept as <see cref="SlidingDistinct.Buckets"/> sub-intervals, so a view covers the last 3/4 to
/// 4/4 of the horizon. Distinct counts are exact up to 16 values in view, then estimated (see
/// <see cref="SlidingDistinct"/>). Destinations are told apart by a 32-bit seeded hash of their identity.
/// </remarks>
public sealed class FanOutStore
{
    private const int Buckets = SlidingDistinct.Buckets;
    private const int BucketStride = 2 * SlidingDistinct.BitmapWords;
    private const int DestinationsOffset = Buckets * BucketStride;
    private const int PortsOffset = DestinationsOffset + SlidingDistinct.ExactCapacity;
    private const int BlockLength = PortsOffset + SlidingDistinct.ExactCapacity;

    private readonly SlotTable<EndpointIdentity> _table;
    private readonly RecencyQueue _recency;
    private readonly ChunkedBuffer<ulong> _blocks = new(BlockLength);
    private readonly FanOutView _view;
    private readonly long _bucketNanos;
    private readonly long _horizonNanos;
    private SourceState[] _states = [];

    public FanOutStore(FanOutStoreOptions? options = null)
    {
        options ??= new FanOutStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSources, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Horizon, TimeSpan.FromTicks(Buckets));
        Options = options;
        _horizonNanos = options.Horizon.Ticks * 100;
        _bucketNanos = _horizonNanos / Buckets;
        _table = new SlotTable<EndpointIdentity>(options.InitialCapacity, options.MaxSources);
        _recency = new RecencyQueue(_table.Capacity);
        _view = new FanOutView(this);
        EnsureStorage();
    }

    public FanOutStoreOptions Options { get; }

    public int Count => _table.Count;

    public long Evicted { get; private set; }

    public long Expired { get; private set; }

    /// <summary>Counts the connection for its initiator and returns the initiator's view (reused; valid until the next call).</summary>
    public FanOutView Update(in Connection connection)
    {
        var source = EndpointIdentity.From(connection.Initiator, connection.InitiatorIp);
        var hash = IdentityHash.Of32(source);
        var start = connection.StartUnixNanos;
        var epoch = FloorDiv(start, _bucketNanos);
        var slot = _table.Find(source, hash);
        if (slot < 0)
        {
            slot = AddSource(source, hash, start, epoch);
        }

        _recency.Touch(slot);

        ref var state = ref _states[slot];
        var block = _blocks.For(slot);
        Advance(ref state, block, epoch);

        // A connection older than the view is counted in the oldest sub-interval still in view.
        epoch = Math.Max(epoch, state.Epoch - Buckets + 1);
        var ring = Ring(epoch);
        state.Connections[ring]++;
        if (connection.Failed)
        {
            state.Failed[ring]++;
        }

        state.TotalConnections++;
        state.LastSeenUnixNanos = Math.Max(state.LastSeenUnixNanos, start);

        var destination = (uint)IdentityHash.Of32(EndpointIdentity.From(connection.Responder, connection.ResponderIp));
        var port = connection.ResponderPort;
        LinearCounting.Set(block.Slice(ring * BucketStride, SlidingDistinct.BitmapWords), destination);
        LinearCounting.Set(block.Slice((ring * BucketStride) + SlidingDistinct.BitmapWords, SlidingDistinct.BitmapWords), port);

        var oldest = state.Epoch - Buckets + 1;
        var relative = Relative(state, epoch);
        var oldestRelative = Relative(state, oldest);
        if (!SlidingDistinct.TryAddExact(block.Slice(DestinationsOffset, SlidingDistinct.ExactCapacity), ref state.DestinationsUsed, destination, relative, oldestRelative))
        {
            state.DestinationsOverflowEpoch = state.Epoch;
        }

        if (!SlidingDistinct.TryAddExact(block.Slice(PortsOffset, SlidingDistinct.ExactCapacity), ref state.PortsUsed, port, relative, oldestRelative))
        {
            state.PortsOverflowEpoch = state.Epoch;
        }

        var connections = 0;
        var failed = 0;
        for (var b = 0; b < Buckets; b++)
        {
            connections += state.Connections[b];
            failed += state.Failed[b];
        }

        var destinationsExact = state.DestinationsOverflowEpoch < oldest;
        var destinations = SlidingDistinct.CountExact(block.Slice(DestinationsOffset, SlidingDistinct.ExactCapacity), state.DestinationsUsed, oldestRelative);
        if (!destinationsExact)
        {
            destinations = Math.Max(destinations, SlidingDistinct.EstimateUnion(block, 0, BucketStride));
        }

        var portsExact = state.PortsOverflowEpoch < oldest;
        var ports = SlidingDistinct.CountExact(block.Slice(PortsOffset, SlidingDistinct.ExactCapacity), state.PortsUsed, oldestRelative);
        if (!portsExact)
        {
            ports = Math.Max(ports, SlidingDistinct.EstimateUnion(block, SlidingDistinct.BitmapWords, BucketStride));
        }

        _view.Set(slot, state, connections, failed, destinations, destinationsExact, ports, portsExact, oldest * _bucketNanos);
        return _view;
    }

    /// <summary>Drops sources with no connection start inside the horizon before <paramref name="nowUnixNanos"/>.</summary>
    /// <returns>The number of sources dropped.</returns>
    public int ExpireIdle(long nowUnixNanos)
    {
        var dropped = 0;
        for (var slot = _recency.Oldest(); slot >= 0 && nowUnixNanos - _states[slot].LastSeenUnixNanos >= _horizonNanos; slot = _recency.Oldest())
        {
            RemoveSource(slot);
            dropped++;
        }

        Expired += dropped;
        return dropped;
    }

    internal EndpointIdentity KeyAt(int slot) => _table.KeyAt(slot);

    private int AddSource(in EndpointIdentity source, int hash, long start, long epoch)
    {
        if (_table.IsFull)
        {
            RemoveSource(_recency.Oldest());
            Evicted++;
        }

        var slot = _table.Add(source, hash);
        EnsureStorage();
        _blocks.For(slot).Clear();
        _states[slot] = new SourceState
        {
            FirstSeenUnixNanos = start,
            LastSeenUnixNanos = start,
            BaseEpoch = epoch,
            Epoch = epoch,
            DestinationsOverflowEpoch = long.MinValue,
            PortsOverflowEpoch = long.MinValue,
        };
        return slot;
    }

    private void RemoveSource(int slot)
    {
        _recency.Forget(slot);
        _table.Remove(slot);
    }

    private void EnsureStorage()
    {
        if (_states.Length < _table.Capacity)
        {
            Array.Resize(ref _states, _table.Capacity);
            _recency.Grow(_table.Capacity);
            _blocks.EnsureSlots(_table.Capacity);
        }
    }

    /// <summary>Moves the view forward to <paramref name="epoch"/>, clearing the sub-intervals that fall out of it.</summary>
    private static void Advance(ref SourceState state, Span<ulong> block, long epoch)
    {
        if (epoch <= state.Epoch)
        {
            return;
        }

        var steps = Math.Min(epoch - state.Epoch, Buckets);
        for (var k = 1; k <= steps; k++)
        {
            var ring = Ring(state.Epoch + k);
            state.Connections[ring] = 0;
            state.Failed[ring] = 0;
            block.Slice(ring * BucketStride, BucketStride).Clear();
        }

        state.Epoch = epoch;
    }

    private static int Ring(long epoch) => (int)(((epoch % Buckets) + Buckets) % Buckets);

    private static uint Relative(in SourceState state, long epoch) =>
        (uint)Math.Clamp(epoch - state.BaseEpoch, 0, uint.MaxValue);

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor) < 0 ? quotient - 1 : quotient;
    }
}
