namespace AutoShield.Ingestion.Pcap;

/// <summary>What a capture file format found at its next record.</summary>
internal enum RecordStatus
{
    /// <summary>A packet was framed.</summary>
    Packet,
    /// <summary>A malformed record was skipped; framing is intact and reading carries on.</summary>
    Error,
    /// <summary>Framing is lost or the file ended inside a record: report and stop reading the file.</summary>
    Fatal,
    /// <summary>The file ended cleanly at a record boundary.</summary>
    End,
}
