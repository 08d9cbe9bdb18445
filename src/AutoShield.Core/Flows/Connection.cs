using AutoShield.Core.Net;

namespace AutoShield.Core.Flows;

/// <summary>
/// One connection assembled from flow events (or one CICFlowMeter row): who initiated it, what the transport saw,
/// how it ended. Byte and packet counts are -1 when the source does not carry them (Hubble).
/// </summary>
public struct Connection
{
    public FlowOrigin Origin;
    public IpProtocol Protocol;
    public IpAddr InitiatorIp;
    public IpAddr ResponderIp;
    public ushort InitiatorPort;
    public ushort ResponderPort;
    public FlowEndpoint Initiator;
    public FlowEndpoint Responder;
    public string? NodeName;

    public long StartUnixNanos;
    public long EndUnixNanos;

    public int SynCount;
    public int AckCount;
    public int RstCount;
    public int FinCount;

    /// <summary>Bytes the initiator sent; -1 when unknown.</summary>
    public long BytesSent;
    /// <summary>Bytes the initiator received; -1 when unknown.</summary>
    public long BytesReceived;
    public long PacketsSent;
    public long PacketsReceived;

    /// <summary>SYN, SYN-ACK and ACK all seen (TCP), or a reply seen (UDP, ICMP).</summary>
    public bool HandshakeCompleted;
    /// <summary>The responder sent anything at all.</summary>
    public bool ResponderReplied;
    /// <summary>At least one flow event of the connection was dropped by policy or error.</summary>
    public bool Dropped;
    public string? DropReason;
    public ConnectionEnd End;

    /// <summary>Highest HTTP status seen; 0 when none.</summary>
    public int HttpStatus;
    /// <summary>DNS response code seen; -1 when none.</summary>
    public int DnsRcode;
    /// <summary>
    /// The DNS query name seen on the connection with the longest label (the most telling one when a socket asks
    /// several); null when none.
    /// </summary>
    public string? DnsQuery;

    /// <summary>Ground-truth label of the connection's events, when the source is labelled.</summary>
    public string? Label;

    public readonly long DurationNanos => EndUnixNanos - StartUnixNanos;

    public readonly bool HasBytes => BytesSent >= 0;

    /// <summary>
    /// A failed connection: dropped, a TCP connection whose handshake never completed, or a UDP/ICMP exchange
    /// refused with RST or nothing but a drop. Application errors (HTTP 503, DNS NXDOMAIN) are not failures of the
    /// connection.
    /// </summary>
    public readonly bool Failed => Dropped || (Protocol == IpProtocol.Tcp && !HandshakeCompleted);
}
