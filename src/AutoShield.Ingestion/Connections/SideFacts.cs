namespace AutoShield.Ingestion.Connections;

/// <summary>What one side of a connection was seen doing; booleans, so duplicate reports cannot inflate them.</summary>
[Flags]
internal enum SideFacts : ushort
{
    None = 0,
    /// <summary>The side's packets are counted from one observation point (<see cref="SideState.ObserverPoint"/>).</summary>
    HasObserver = 1 << 0,
    /// <summary>The counts so far come from policy-verdict events, the fallback when no trace event reported the side.</summary>
    CountsFromVerdicts = 1 << 1,
    HasPayload = 1 << 2,
    /// <summary>Any L3/L4 event (trace, drop, policy verdict) was sent by this side.</summary>
    ObservedL4 = 1 << 3,
    SentSynOnly = 1 << 4,
    SentSynAck = 1 << 5,
    /// <summary>Sent an ACK without SYN or RST after a SYN was seen: only an established TCP endpoint does that.</summary>
    SentEstablishedAck = 1 << 6,
    /// <summary>Sent payload (PSH or payload bytes).</summary>
    SentData = 1 << 7,
    SentRst = 1 << 8,
    /// <summary>Sent a TCP segment without RST.</summary>
    SentNonRst = 1 << 9,
    SentFin = 1 << 10,
    SentL7Request = 1 << 11,
    SentL7Response = 1 << 12,
    HasSocketBytes = 1 << 13,
}
