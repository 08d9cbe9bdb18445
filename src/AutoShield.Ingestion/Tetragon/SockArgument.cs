using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>sock_arg</c>: a kernel socket, where <see cref="Saddr"/>/<see cref="Sport"/> are the local side.</summary>
public sealed record SockArgument : TetragonArgument
{
    /// <summary><c>AF_INET</c>, <c>AF_INET6</c>.</summary>
    public string? Family { get; init; }

    /// <summary><c>SOCK_STREAM</c>, <c>SOCK_DGRAM</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>IPPROTO_TCP</c>, <c>IPPROTO_UDP</c>.</summary>
    public string? Protocol { get; init; }

    public IpAddr Saddr { get; init; }

    public IpAddr Daddr { get; init; }

    public ushort Sport { get; init; }

    public ushort Dport { get; init; }

    public ulong Cookie { get; init; }

    /// <summary>TCP state such as <c>TCP_ESTABLISHED</c>.</summary>
    public string? State { get; init; }
}
