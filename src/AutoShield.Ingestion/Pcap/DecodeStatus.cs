namespace AutoShield.Ingestion.Pcap;

/// <summary>What the packet decoder made of one captured frame.</summary>
internal enum DecodeStatus
{
    /// <summary>An IP packet: the flow event is filled.</summary>
    Decoded,
    /// <summary>Well formed but carries no flow of its own (ARP, LLC, a non-first IP fragment).</summary>
    Skipped,
    /// <summary>Headers are cut short or contradict each other.</summary>
    Malformed,
    /// <summary>A link type the decoder does not know.</summary>
    UnsupportedLinkType,
}
