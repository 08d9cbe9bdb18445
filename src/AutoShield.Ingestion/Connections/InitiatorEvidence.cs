namespace AutoShield.Ingestion.Connections;

/// <summary>How the initiator of a connection was decided; stronger evidence overrides weaker.</summary>
internal enum InitiatorEvidence : byte
{
    None = 0,
    /// <summary>The first sender seen.</summary>
    FirstSender,
    /// <summary>The Reply flag, or an L7 request/response.</summary>
    ReplyFlag,
    /// <summary>The TCP handshake (SYN without ACK, SYN-ACK), an ICMP echo type, or a socket connect().</summary>
    Handshake,
}
