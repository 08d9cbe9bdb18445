using AutoShield.Core.Flows;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Per destination:port, what it received over a sliding horizon (event time): connections, distinct sources,
/// failed connections and unanswered SYNs. The mirror of <see cref="FanOutStore"/>: it shows a flood that comes
/// from many sources, each too small to stand out in its own pair (a spoofed SYN flood), and tells a lone
/// unanswered SYN from one of thousands. Bounded the same way (least recently updated destination evicted at the
/// cap, idle ones expired); about 0.5 KB per destination, preallocated and reused, so an update allocates nothing.
/// Single-threaded.
/// </summary>
/// <remarks>
/// The horizon is kept as <see cref="SlidingDistinct.Buckets"/> sub-intervals, so a view covers the last 3/4 to
/// 4/4 of the horizon. The source count is exact up to 16 sources in view, then estimated (see
/// <see cref="SlidingDistinct"/>). Sources are told apart by a 32-bit seeded hash of their identity.
/// </remarks>
public sealed class FanInStore
{
    private const int Buckets = SlidingDistinct.Buckets;
    private const int SourcesOffset = Buckets * SlidingDistinct.BitmapWords;
    private const int BlockLength = SourcesOffset + SlidingDistinct.ExactCapacity;

    private readonly SlotTable<DestinationKey> _table;
    private readonly RecencyQueue _recency;
    private readonly ChunkedBuffer<ulong> _blocks = new(BlockLength);
    private readonly FanInView _view;
    private readonly long _bucketNanos;
    private readonly long _horizonNanos;
    private DestinationState[] _states = [];

    public FanInStore(FanInStoreOptions? options = null)
    {
        options ??= new FanInStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDestinations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Horizon, TimeSpan.FromTicks(Buckets));
        Options = options;
        _horizonNanos = options.Horizon.Ticks * 100;
        _bucketNanos = _horizonNanos / Buckets;
        _table = new SlotTable<DestinationKey>(options.InitialCapacity, options.MaxDestinations);
        _recency = new RecencyQueue(_table.Capacity);
        _view = new FanInView(this);
        EnsureStorage();
    }

    public FanInStoreOptions Options { get; }

    public int Count => _table.Count;

    public long Evicted { get; private set; }

    public long Expired { get; private set; }

    /// <summary>True for a TCP connection whose SYN drew no reply at all: neither a SYN-ACK nor a RST.</summary>
    public static bool IsUnansweredSyn(in Connection connection) =>
        connection.Protocol == IpProtocol.Tcp && !connection.HandshakeCompleted && !connection.ResponderReplied;

    /// <summary>Counts the connection for its responder and port and returns that destination's view (reused; valid until the next call).</summary>
    public FanInView Update(in Connection connection)
    {
        var key = new DestinationKey(EndpointIdentity.From(connection.Responder, connection.ResponderIp), connection.ResponderPort);
        var hash = HashOf(key);
        var start = connection.StartUnixNanos;
        var epoch = FloorDiv(start, _bucketNanos);
        var slot = _table.Find(key, hash);
        if (slot < 0)
        {
            slot = AddDestination(key, hash, start, epoch);
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

        if (IsUnansweredSyn(connection))
        {
            state.Unanswered[ring]++;
        }

        state.TotalConnections++;
        state.LastSeenUnixNanos = Math.Max(state.LastSeenUnixNanos, start);

        var source = (uint)IdentityHash.Of32(EndpointIdentity.From(connection.Initiator, connection.InitiatorIp));
        LinearCounting.Set(block.Slice(ring * SlidingDistinct.BitmapWords, SlidingDistinct.BitmapWords), source);

        var oldest = state.Epoch - Buckets + 1;
        var relative = Relative(state, epoch);
        var oldestRelative = Relative(state, oldest);
        var sources = block.Slice(SourcesOffset, SlidingDistinct.ExactCapacity);
        if (!SlidingDistinct.TryAddExact(sources, ref state.SourcesUsed, source, relative, oldestRelative))
        {
            state.SourcesOverflowEpoch = state.Epoch;
        }

        var connections = 0;
        var failed = 0;
        var unanswered = 0;
        for (var b = 0; b < Buckets; b++)
        {
            connections += state.Connections[b];
            failed += state.Failed[b];
            unanswered += state.Unanswered[b];
        }

        var sourcesExact = state.SourcesOverflowEpoch < oldest;
        var distinct = SlidingDistinct.CountExact(sources, state.SourcesUsed, oldestRelative);
        if (!sourcesExact)
        {
            distinct = Math.Max(distinct, SlidingDistinct.EstimateUnion(block, 0, SlidingDistinct.BitmapWords));
        }

        _view.Set(slot, state, connections, failed, unanswered, distinct, sourcesExact, oldest * _bucketNanos);
        return _view;
    }

    /// <summary>Drops destinations with no connection start inside the horizon before <paramref name="nowUnixNanos"/>.</summary>
    /// <returns>The number of destinations dropped.</returns>
    public int ExpireIdle(long nowUnixNanos)
    {
        var dropped = 0;
        for (var slot = _recency.Oldest(); slot >= 0 && nowUnixNanos - _states[slot].LastSeenUnixNanos >= _horizonNanos; slot = _recency.Oldest())
        {
            RemoveDestination(slot);
            dropped++;
        }

        Expired += dropped;
        return dropped;
    }

    internal DestinationKey KeyAt(int slot) => _table.KeyAt(slot);

    private static int HashOf(in DestinationKey key) =>
        (int)Mix.Fmix32((uint)IdentityHash.Of32(key.Destination) ^ (key.Port * 0x9E3779B1u));

    private int AddDestination(in DestinationKey key, int hash, long start, long epoch)
    {
        if (_table.IsFull)
        {
            RemoveDestination(_recency.Oldest());
            Evicted++;
        }

        var slot = _table.Add(key, hash);
        EnsureStorage();
        _blocks.For(slot).Clear();
        _states[slot] = new DestinationState
        {
            FirstSeenUnixNanos = start,
            LastSeenUnixNanos = start,
            BaseEpoch = epoch,
            Epoch = epoch,
            SourcesOverflowEpoch = long.MinValue,
        };
        return slot;
    }

    private void RemoveDestination(int slot)
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
    private static void Advance(ref DestinationState state, Span<ulong> block, long epoch)
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
            state.Unanswered[ring] = 0;
            block.Slice(ring * SlidingDistinct.BitmapWords, SlidingDistinct.BitmapWords).Clear();
        }

        state.Epoch = epoch;
    }

    private static int Ring(long epoch) => (int)(((epoch % Buckets) + Buckets) % Buckets);

    private static uint Relative(in DestinationState state, long epoch) =>
        (uint)Math.Clamp(epoch - state.BaseEpoch, 0, uint.MaxValue);

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor) < 0 ? quotient - 1 : quotient;
    }
}
