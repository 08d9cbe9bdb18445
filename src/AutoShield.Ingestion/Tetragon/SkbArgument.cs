using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>An <c>skb_arg</c>: one packet buffer, its length and the addresses of its IP header.</summary>
public sealed record SkbArgument : TetragonArgument
{
    public uint Len { get; init; }

    public IpAddr Saddr { get; init; }

    public IpAddr Daddr { get; init; }

    public ushort Sport { get; init; }

    public ushort Dport { get; init; }

    /// <summary>IANA protocol number (6 TCP, 17 UDP).</summary>
    public uint Proto { get; init; }

    public string? Family { get; init; }

    public uint Hash { get; init; }
}
