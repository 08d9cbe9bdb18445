using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>Random public IPv4 addresses: never private, loopback, CGNAT, link-local, documentation or multicast.</summary>
internal static class WorldAddresses
{
    public static IpAddr Next(Random random)
    {
        while (true)
        {
            var a = random.Next(1, 224);
            var b = random.Next(0, 256);
            if (a is 10 or 127 or 0 || (a == 100 && b is >= 64 and < 128) || (a == 169 && b == 254)
                || (a == 172 && b is >= 16 and < 32) || (a == 192 && b is 0 or 168) || (a == 198 && b is 18 or 19 or 51)
                || (a == 203 && b == 0))
            {
                continue;
            }

            return IpAddr.FromV4((byte)a, (byte)b, (byte)random.Next(0, 256), (byte)random.Next(1, 255));
        }
    }

    /// <summary>A run of addresses in one provider /24 (bot farms and C2 hosting cluster like that).</summary>
    public static IpAddr InSameSubnet(IpAddr address, Random random) =>
        IpAddr.FromV4(((uint)address.Lo & 0xFFFF_FF00u) | (uint)random.Next(1, 255));
}
