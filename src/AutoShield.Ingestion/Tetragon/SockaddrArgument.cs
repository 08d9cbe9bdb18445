using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>sockaddr_arg</c>: an address passed to connect/bind.</summary>
public sealed record SockaddrArgument : TetragonArgument
{
    public string? Family { get; init; }

    public IpAddr Addr { get; init; }

    public ushort Port { get; init; }
}
