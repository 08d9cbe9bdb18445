using AutoShield.Core.Net;

namespace AutoShield.Core.Flows;

/// <summary>
/// One record from a flow source: a Hubble flow, a captured packet, a CICFlowMeter row or a Tetragon socket event.
/// A mutable struct so readers fill it in place: the per-event path allocates nothing. Call <see cref="Reset"/>
/// before reusing an instance.
/// </summary>
public struct FlowEvent
{
    /// <summary>Event time, nanoseconds since the Unix epoch (UTC).</summary>
    public long TimeUnixNanos;
    public FlowOrigin Origin;
    public FlowEventKind Kind;
    public Verdict Verdict;
    /// <summary>Drop reason name when dropped (<c>POLICY_DENIED</c>), interned.</summary>
    public string? DropReason;
    public TrafficDirection Direction;
    public ReplyState Reply;
    public ObservationPoint ObservationPoint;
    /// <summary>Node that observed the event, interned.</summary>
    public string? NodeName;

    public IpAddr SourceIp;
    public IpAddr DestinationIp;
    public ushort SourcePort;
    public ushort DestinationPort;
    public IpProtocol Protocol;
    public TcpFlags Flags;
    public byte IcmpType;
    public byte IcmpCode;

    public FlowEndpoint Source;
    public FlowEndpoint Destination;
    public L7Info L7;

    /// <summary>Transport payload bytes of this one packet (pcap, simulator); -1 when the source has none (Hubble).</summary>
    public long PayloadBytes;

    /// <summary>Counters of a whole connection, meaningful when <see cref="Kind"/> is Summary or Socket.</summary>
    public ConnectionCounts Counts;

    /// <summary>Ground-truth label (CICFlowMeter's Label column, the simulator's attack), interned; null if unlabelled.</summary>
    public string? Label;

    public void Reset()
    {
        this = default;
        PayloadBytes = -1;
        L7.DnsRcode = -1;
        Counts = ConnectionCounts.Missing;
    }

    public readonly DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeUnixNanos / 1_000_000)
        .AddTicks(TimeUnixNanos % 1_000_000 / 100);

    public readonly bool IsDropped => Verdict is Verdict.Dropped or Verdict.Error;
}
