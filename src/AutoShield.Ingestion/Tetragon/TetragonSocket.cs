using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// The socket of a legacy <c>process_connect</c>, <c>process_close</c> or <c>process_listen</c>. For a listen the
/// listening address (<c>ip</c>, <c>port</c>) is the source and the destination is empty.
/// </summary>
public sealed record TetragonSocket
{
    public IpAddr SourceIp { get; init; }

    public ushort SourcePort { get; init; }

    public IpAddr DestinationIp { get; init; }

    public ushort DestinationPort { get; init; }

    /// <summary>Protocol name as exported (<c>TCP</c>, <c>UDP</c>).</summary>
    public string? Protocol { get; init; }

    /// <summary>Socket statistics of a close; null when the event has none.</summary>
    public TetragonSocketStats? Stats { get; init; }
}
