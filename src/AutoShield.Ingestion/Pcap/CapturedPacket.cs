namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// One packet record as framed by a capture file: its link type, time, the captured bytes (a view into the
/// reader's buffer, valid until the next record is read) and where those bytes start in the file.
/// </summary>
internal readonly record struct CapturedPacket(
    int LinkType,
    long TimeUnixNanos,
    ReadOnlyMemory<byte> Data,
    int OriginalLength,
    long DataFileOffset)
{
    /// <summary>The capture kept fewer bytes than were on the wire (snap length), so lengths come from headers.</summary>
    public bool Snapped => Data.Length < OriginalLength;
}
