namespace AutoShield.Core.Flows;

/// <summary>Which kind of source produced a flow event.</summary>
public enum FlowOrigin : byte
{
    Unknown = 0,
    Hubble,
    Tetragon,
    Pcap,
    CicFlowMeter,
    Simulator,
}

/// <summary>Cilium's verdict on the packet (flow.proto <c>Verdict</c>).</summary>
public enum Verdict : byte
{
    Unknown = 0,
    Forwarded = 1,
    Dropped = 2,
    Error = 3,
    Audit = 4,
    Redirected = 5,
    Traced = 6,
    Translated = 7,
}

/// <summary>What the record describes: one datapath event, a policy verdict, an L7 log, or a whole connection.</summary>
public enum FlowEventKind : byte
{
    Unknown = 0,
    /// <summary>A trace event about one packet (Hubble event type 4, a pcap packet, a simulator packet).</summary>
    Trace,
    /// <summary>A drop notification (Hubble event type 1).</summary>
    Drop,
    /// <summary>A policy verdict (Hubble event type 5): the same packet as a trace event, never counted twice.</summary>
    PolicyVerdict,
    /// <summary>An L7 access log (Hubble event type 129).</summary>
    L7,
    /// <summary>A socket-level translation event (Hubble SOCK type).</summary>
    Sock,
    /// <summary>A finished connection in one record (a CICFlowMeter row).</summary>
    Summary,
    /// <summary>A socket event from Tetragon (connect, close with byte counts, kprobe on tcp_*).</summary>
    Socket,
}

/// <summary>Cilium's <c>TrafficDirection</c>.</summary>
public enum TrafficDirection : byte
{
    Unknown = 0,
    Ingress = 1,
    Egress = 2,
}

/// <summary>Whether a flow event is a reply. Hubble may leave <c>is_reply</c> unset, which means unknown.</summary>
public enum ReplyState : byte
{
    Unknown = 0,
    Request = 1,
    Reply = 2,
}

/// <summary>Cilium's <c>TraceObservationPoint</c>, where on the datapath the packet was seen.</summary>
public enum ObservationPoint : byte
{
    Unknown = 0,
    ToProxy = 1,
    ToHost = 2,
    ToStack = 3,
    ToOverlay = 4,
    ToEndpoint = 101,
    FromEndpoint = 5,
    FromProxy = 6,
    FromHost = 7,
    FromStack = 8,
    FromOverlay = 9,
    FromNetwork = 10,
    ToNetwork = 11,
    FromCrypto = 12,
    ToCrypto = 13,
}

/// <summary>IANA protocol numbers of the transports AutoShield reads.</summary>
public enum IpProtocol : byte
{
    Unknown = 0,
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    IcmpV6 = 58,
    Sctp = 132,
}

/// <summary>TCP flags as carried in the TCP header (bit values match the header).</summary>
[Flags]
public enum TcpFlags : ushort
{
    None = 0,
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
    Urg = 0x20,
    Ece = 0x40,
    Cwr = 0x80,
    Ns = 0x100,
}

/// <summary>The L7 protocol of an L7 flow event.</summary>
public enum L7Protocol : byte
{
    None = 0,
    Dns,
    Http,
    Kafka,
}

/// <summary>Request or response, for L7 flow events (flow.proto <c>L7FlowType</c>).</summary>
public enum L7FlowType : byte
{
    Unknown = 0,
    Request = 1,
    Response = 2,
    Sample = 3,
}
