namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// What a pcapng Interface Description Block says about its packets: link type, snap length and how timestamps
/// count (if_tsresol: 10^-n or 2^-n seconds per unit, default microseconds; if_tsoffset: seconds to add).
/// </summary>
internal readonly record struct PcapNgInterface(int LinkType, int SnapLength, bool BinaryResolution, int ResolutionExponent, long OffsetSeconds)
{
    private static readonly long[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    public static PcapNgInterface Default(int linkType, int snapLength) => new(linkType, snapLength, false, 6, 0);

    /// <summary>Converts a 64-bit timestamp in this interface's units to nanoseconds since the Unix epoch.</summary>
    public long ToUnixNanos(ulong units)
    {
        long nanos;
        if (BinaryResolution)
        {
            // Exact for any exponent: 128-bit product, then drop the fractional bits.
            nanos = (long)(((UInt128)units * 1_000_000_000UL) >> Math.Min(ResolutionExponent, 127));
        }
        else if (ResolutionExponent <= 9)
        {
            nanos = (long)units * PowersOfTen[9 - ResolutionExponent];
        }
        else
        {
            var divisorExponent = ResolutionExponent - 9;
            nanos = divisorExponent < PowersOfTen.Length ? (long)(units / (ulong)PowersOfTen[divisorExponent]) : 0;
        }

        return nanos + (OffsetSeconds * 1_000_000_000);
    }
}
