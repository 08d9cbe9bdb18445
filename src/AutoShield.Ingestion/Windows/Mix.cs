namespace AutoShield.Ingestion.Windows;

/// <summary>Integer finalisers that turn structured inputs (sequential ports, addresses) into random-looking bits.</summary>
internal static class Mix
{
    /// <summary>MurmurHash3's 32-bit finaliser: every input bit affects every output bit.</summary>
    public static uint Fmix32(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    /// <summary>SplitMix64's finaliser.</summary>
    public static ulong Fmix64(ulong h)
    {
        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return h;
    }
}
