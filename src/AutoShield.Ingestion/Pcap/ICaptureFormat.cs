namespace AutoShield.Ingestion.Pcap;

/// <summary>The framing of one capture file format (classic libpcap or pcapng), after its magic was recognised.</summary>
internal interface ICaptureFormat
{
    /// <summary>
    /// 1-based number of the packet record just read (Wireshark's frame number); for an error outside any packet
    /// record, the number the next packet would get.
    /// </summary>
    long PacketNumber { get; }

    /// <summary>Frames the next packet; on Error and Fatal, <paramref name="error"/> says what was expected where.</summary>
    RecordStatus Next(out CapturedPacket packet, out string? error);
}
