namespace AutoShield.Ingestion.Pcap;

/// <summary>Limits for <see cref="PcapReader"/>.</summary>
public sealed record PcapReaderOptions
{
    public const int DefaultMaxRecordBytes = 256 * 1024;

    /// <summary>
    /// Largest record (classic: captured length; pcapng: total block length) believed. Anything larger means the
    /// framing is lost (or the file is hostile), so the reader reports it and stops reading the file.
    /// </summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;
}
