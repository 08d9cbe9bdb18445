using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// Assembles flow events into connections keyed by the canonical 5-tuple and hands each finished connection to an
/// <see cref="IConnectionSink"/>. Driven by event time, never the wall clock: <see cref="Add"/> moves the clock
/// forward and closes idle and lingering connections as it passes their deadlines. Bounded by
/// <see cref="ConnectionAssemblerOptions.MaxOpenConnections"/>; storage is preallocated and reused, so once grown
/// the per-event path allocates nothing. Single-threaded; the sink must not call back into the assembler.
/// </summary>
/// <remarks>
/// Initiator: the sender of the first SYN without ACK (or the receiver of a SYN-ACK, or the sender of an ICMP echo
/// request or a socket connect), else the side a Reply flag or L7 request/response names, else the first sender.
/// Counts: SYN, ACK, RST and FIN are per counted packet carrying the flag, in both directions, as CICFlowMeter
/// counts them: a normal handshake is SYN 2 (SYN and SYN-ACK). Packets are the counted packet reports, which
/// Hubble's monitor aggregation makes fewer than the packets on the wire. Bytes come from per-packet payload
/// sizes (pcap) or a Tetragon socket close; Hubble carries none, so they stay -1.
/// </remarks>
public sealed class ConnectionAssembler
{
    private readonly IConnectionSink _sink;
    private readonly SlotTable<ConnectionKey> _table;
    private readonly long _tcpIdleNanos;
    private readonly long _otherIdleNanos;
    private readonly long _lingerNanos;
    private ConnectionState[] _states = [];
    private SlotList _tcpOpen = SlotList.Empty;
    private SlotList _otherOpen = SlotList.Empty;
    private SlotList _closing = SlotList.Empty;
    private long _now = long.MinValue;

    public ConnectionAssembler(IConnectionSink sink, ConnectionAssemblerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        options ??= new ConnectionAssemblerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOpenConnections, 1);
        _sink = sink;
        Options = options;
        _tcpIdleNanos = ToNanos(options.TcpIdleTimeout);
        _otherIdleNanos = ToNanos(options.OtherIdleTimeout);
        _lingerNanos = ToNanos(options.CloseLinger);
        _table = new SlotTable<ConnectionKey>(options.InitialCapacity, options.MaxOpenConnections);
        EnsureStorage();
    }

    public ConnectionAssemblerOptions Options { get; }

    public ConnectionAssemblerCounters Counters { get; } = new();

    /// <summary>Connections open or lingering now.</summary>
    public int OpenConnections => _table.Count;

    /// <summary>The assembler's clock: the latest event time seen or passed to <see cref="AdvanceTo"/>.</summary>
    public long NowUnixNanos => _now;

    public void Add(in FlowEvent flowEvent)
    {
        Counters.CountEvent();
        if (flowEvent.TimeUnixNanos > _now)
        {
            AdvanceTo(flowEvent.TimeUnixNanos);
        }

        switch (flowEvent.Kind)
        {
            case FlowEventKind.Summary:
                SummaryConnection.Build(flowEvent, out var summary);
                Counters.CountEmitted(ConnectionEnd.Summary);
                _sink.OnConnection(summary);
                break;
            case FlowEventKind.L7:
                AddL7(flowEvent);
                break;
            case FlowEventKind.Socket:
                AddSocket(flowEvent);
                break;
            case FlowEventKind.Sock:
                AddSocketTranslation(flowEvent);
                break;
            default:
                AddPacket(flowEvent);
                break;
        }

        Counters.SetOpen(_table.Count);
    }

    /// <summary>Moves the clock to <paramref name="nowUnixNanos"/> (never back) and emits connections whose idle or linger time has passed.</summary>
    public void AdvanceTo(long nowUnixNanos)
    {
        if (nowUnixNanos > _now)
        {
            _now = nowUnixNanos;
        }

        Expire(ref _closing, _lingerNanos);
        Expire(ref _tcpOpen, _tcpIdleNanos);
        Expire(ref _otherOpen, _otherIdleNanos);
        Counters.SetOpen(_table.Count);
    }

    /// <summary>End of input: emits every connection still held, lingering ones with their own end, open ones as Flush.</summary>
    public void Flush()
    {
        while (_closing.Head >= 0)
        {
            Emit(_closing.Head);
        }

        while (_tcpOpen.Head >= 0)
        {
            Emit(_tcpOpen.Head);
        }

        while (_otherOpen.Head >= 0)
        {
            Emit(_otherOpen.Head);
        }

        Counters.SetOpen(_table.Count);
    }

    private void AddPacket(in FlowEvent flowEvent)
    {
        var key = new ConnectionKey(flowEvent.Protocol, flowEvent.SourceIp, flowEvent.SourcePort, flowEvent.DestinationIp, flowEvent.DestinationPort, out var fromLow);
        var hash = key.GetHashCode();
        var slot = _table.Find(key, hash);
        if (slot >= 0 && _states[slot].Closing && FlowEvidence.IsSynOnly(flowEvent))
        {
            // A new SYN on a closed tuple is the port's next connection, not a late report of this one.
            Emit(slot);
            slot = -1;
        }

        if (slot < 0)
        {
            slot = Open(key, hash, flowEvent, fromLow);
        }

        ref var state = ref _states[slot];
        FlowEvidence.ApplyCommon(ref state, flowEvent, fromLow);
        if (!FlowEvidence.ApplyPacket(ref state, flowEvent, fromLow))
        {
            Counters.CountDuplicate();
        }

        if (!state.Closing && key.Protocol == IpProtocol.Tcp)
        {
            ref var sender = ref fromLow ? ref state.Low : ref state.High;
            ref var other = ref fromLow ? ref state.High : ref state.Low;
            if (sender.Has(SideFacts.SentRst))
            {
                StartClosing(slot, ConnectionEnd.Rst);
            }
            else if (sender.Has(SideFacts.SentFin) && (other.Has(SideFacts.SentFin) || !other.Has(SideFacts.ObservedL4)))
            {
                // Both FINs, or one FIN where the other direction is not visible at all (a one-sided capture).
                StartClosing(slot, ConnectionEnd.Fin);
            }
        }

        Touch(slot);
    }

    private void AddL7(in FlowEvent flowEvent)
    {
        var key = new ConnectionKey(flowEvent.Protocol, flowEvent.SourceIp, flowEvent.SourcePort, flowEvent.DestinationIp, flowEvent.DestinationPort, out var fromLow);
        var hash = key.GetHashCode();
        var slot = _table.Find(key, hash);
        if (slot < 0)
        {
            slot = Open(key, hash, flowEvent, fromLow);
        }

        ref var state = ref _states[slot];
        FlowEvidence.ApplyCommon(ref state, flowEvent, fromLow);
        FlowEvidence.ApplyL7(ref state, flowEvent, fromLow);
        Touch(slot);
    }

    private void AddSocket(in FlowEvent flowEvent)
    {
        var key = new ConnectionKey(flowEvent.Protocol, flowEvent.SourceIp, flowEvent.SourcePort, flowEvent.DestinationIp, flowEvent.DestinationPort, out var fromLow);
        var hash = key.GetHashCode();
        var slot = _table.Find(key, hash);
        if (slot < 0)
        {
            slot = Open(key, hash, flowEvent, fromLow);
        }

        ref var state = ref _states[slot];
        FlowEvidence.ApplyCommon(ref state, flowEvent, fromLow);
        var closed = FlowEvidence.ApplySocket(ref state, flowEvent, fromLow);
        if (closed && !state.Closing && !state.Has(ConnectionFacts.AnyL4 | ConnectionFacts.L7Request | ConnectionFacts.L7Response))
        {
            // A socket-only connection ends with its close; flow-based ones end by their own packets.
            StartClosing(slot, (flowEvent.Flags & TcpFlags.Rst) != 0 ? ConnectionEnd.Rst : ConnectionEnd.Fin);
        }

        Touch(slot);
    }

    private void AddSocketTranslation(in FlowEvent flowEvent)
    {
        // A socket-LB translation is no packet; it only keeps an existing connection alive.
        var key = new ConnectionKey(flowEvent.Protocol, flowEvent.SourceIp, flowEvent.SourcePort, flowEvent.DestinationIp, flowEvent.DestinationPort, out _);
        var slot = _table.Find(key, key.GetHashCode());
        if (slot < 0)
        {
            Counters.CountIgnored();
            return;
        }

        ref var state = ref _states[slot];
        state.LastUnixNanos = Math.Max(state.LastUnixNanos, flowEvent.TimeUnixNanos);
        Touch(slot);
    }

    private int Open(in ConnectionKey key, int hash, in FlowEvent flowEvent, bool fromLow)
    {
        if (_table.IsFull)
        {
            EvictOldest();
        }

        var slot = _table.Add(key, hash);
        EnsureStorage();
        ref var state = ref _states[slot];
        state = default;
        state.StartUnixNanos = flowEvent.TimeUnixNanos;
        state.LastUnixNanos = flowEvent.TimeUnixNanos;
        state.Origin = flowEvent.Origin;
        state.DnsRcode = -1;
        state.Low.SocketBytes = -1;
        state.Low.SocketPackets = -1;
        state.High.SocketBytes = -1;
        state.High.SocketPackets = -1;
        FlowEvidence.ClaimInitiator(ref state, fromLow, InitiatorEvidence.FirstSender);
        state.List = key.Protocol == IpProtocol.Tcp ? ConnectionList.TcpOpen : ConnectionList.OtherOpen;
        _table.AddLast(ref ListOf(state.List), slot);
        return slot;
    }

    private void StartClosing(int slot, ConnectionEnd end)
    {
        ref var state = ref _states[slot];
        state.Closing = true;
        state.End = end;
        _table.Unlink(ref ListOf(state.List), slot);
        state.List = ConnectionList.Closing;
        _table.AddLast(ref _closing, slot);
    }

    private void Touch(int slot) => _table.MoveToLast(ref ListOf(_states[slot].List), slot);

    private void Expire(ref SlotList list, long timeoutNanos)
    {
        while (list.Head >= 0 && _now - _states[list.Head].LastUnixNanos >= timeoutNanos)
        {
            Emit(list.Head, _states[list.Head].Closing ? _states[list.Head].End : ConnectionEnd.Idle);
        }
    }

    private void EvictOldest()
    {
        var oldest = -1;
        var oldestTime = long.MaxValue;
        foreach (var head in (ReadOnlySpan<int>)[_closing.Head, _tcpOpen.Head, _otherOpen.Head])
        {
            if (head >= 0 && _states[head].LastUnixNanos < oldestTime)
            {
                oldest = head;
                oldestTime = _states[head].LastUnixNanos;
            }
        }

        Emit(oldest);
        Counters.CountEvicted();
    }

    private void Emit(int slot) => Emit(slot, _states[slot].Closing ? _states[slot].End : ConnectionEnd.Flush);

    private void Emit(int slot, ConnectionEnd end)
    {
        ref var state = ref _states[slot];
        ConnectionOutcome.Build(state, _table.KeyAt(slot), end, out var connection);
        _table.Unlink(ref ListOf(state.List), slot);
        _table.Remove(slot);
        state = default;
        Counters.CountEmitted(end);
        _sink.OnConnection(connection);
    }

    private ref SlotList ListOf(ConnectionList list)
    {
        if (list == ConnectionList.TcpOpen)
        {
            return ref _tcpOpen;
        }

        if (list == ConnectionList.OtherOpen)
        {
            return ref _otherOpen;
        }

        return ref _closing;
    }

    private void EnsureStorage()
    {
        if (_states.Length < _table.Capacity)
        {
            Array.Resize(ref _states, _table.Capacity);
        }
    }

    private static long ToNanos(TimeSpan span) => span.Ticks * 100;
}
