using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// The canonical 5-tuple: protocol and the two ip:port ends in a fixed order (lower end first), so both
/// directions of a connection find the same entry.
/// </summary>
internal readonly struct ConnectionKey : IEquatable<ConnectionKey>
{
    public ConnectionKey(IpProtocol protocol, IpAddr a, ushort aPort, IpAddr b, ushort bPort, out bool aIsLow)
    {
        var order = a.CompareTo(b);
        aIsLow = order < 0 || (order == 0 && aPort <= bPort);
        Protocol = protocol;
        LowIp = aIsLow ? a : b;
        LowPort = aIsLow ? aPort : bPort;
        HighIp = aIsLow ? b : a;
        HighPort = aIsLow ? bPort : aPort;
    }

    public IpProtocol Protocol { get; }

    public IpAddr LowIp { get; }

    public ushort LowPort { get; }

    public IpAddr HighIp { get; }

    public ushort HighPort { get; }

    public bool Equals(ConnectionKey other) =>
        LowPort == other.LowPort && HighPort == other.HighPort && Protocol == other.Protocol
        && LowIp == other.LowIp && HighIp == other.HighIp;

    public override bool Equals(object? obj) => obj is ConnectionKey other && Equals(other);

    public override int GetHashCode()
    {
        var ports = ((ulong)LowPort << 32) | ((ulong)HighPort << 8) | (byte)Protocol;
        var h = Mix.Fmix64(HighIp.Lo ^ ports);
        h = Mix.Fmix64(HighIp.Hi ^ h);
        h = Mix.Fmix64(LowIp.Lo ^ h);
        h = Mix.Fmix64(LowIp.Hi ^ h);
        return (int)h ^ (int)(h >> 32);
    }
}
