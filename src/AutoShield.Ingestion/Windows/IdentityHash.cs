using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Hashes of endpoint identities for the stores' tables: a word-at-a-time multiply-rotate hash of the names and
/// addresses, several times cheaper than the four Marvin string hashes of <see cref="PairKey.GetHashCode"/>. Seeded
/// per process (from the runtime's own randomised string hash) so outsiders who choose pod names or source
/// addresses cannot precompute colliding keys.
/// </summary>
internal static class IdentityHash
{
    private const ulong K1 = 0x9E3779B97F4A7C15UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;

    private static readonly ulong Seed = Mix.Fmix64((ulong)(uint)StringComparer.Ordinal.GetHashCode(nameof(IdentityHash)) | 0x1_0000_0000UL);

    public static ulong Of(in EndpointIdentity identity)
    {
        var h = Seed;
        h = Step(h, Of(identity.Namespace));
        h = Step(h, Of(identity.Name));
        h = Step(h, identity.Ip.Hi);
        h = Step(h, identity.Ip.Lo);
        return Mix.Fmix64(h);
    }

    public static int Of(in PairKey key)
    {
        var h = Mix.Fmix64(Of(key.Source) ^ (Of(key.Destination) * K2));
        return (int)h ^ (int)(h >> 32);
    }

    public static int Of32(in EndpointIdentity identity)
    {
        var h = Of(identity);
        return (int)h ^ (int)(h >> 32);
    }

    private static ulong Of(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        var h = Seed ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            h = Step(h, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        // UTF-16 leaves 0, 2, 4 or 6 bytes.
        if (bytes.Length >= 4)
        {
            h = Step(h, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
            bytes = bytes[4..];
        }

        if (bytes.Length >= 2)
        {
            h = Step(h, BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        }

        return h;
    }

    private static ulong Step(ulong h, ulong value) => BitOperations.RotateLeft((h ^ value) * K1, 29);
}
