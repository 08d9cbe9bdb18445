namespace AutoShield.Ingestion.Connections;

/// <summary>Connection-wide facts that decide how the handshake is judged.</summary>
[Flags]
internal enum ConnectionFacts : byte
{
    None = 0,
    /// <summary>At least one L3/L4 event (trace, drop, policy verdict).</summary>
    AnyL4 = 1 << 0,
    /// <summary>A TCP segment with SYN (with or without ACK) was seen: the start of the connection is in the capture.</summary>
    AnySyn = 1 << 1,
    /// <summary>A SYN without ACK was seen.</summary>
    AnySynOnly = 1 << 2,
    L7Request = 1 << 3,
    L7Response = 1 << 4,
    SocketSeen = 1 << 5,
    SocketClosed = 1 << 6,
    /// <summary>A socket close carried byte counts.</summary>
    SocketStats = 1 << 7,
}
