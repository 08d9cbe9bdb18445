using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// A fast 64-bit hash of bytes for the parse caches, whose keys are a few hundred bytes of JSON: 32 bytes per step
/// where vectors are fast, else eight bytes at a time on two lanes. Not for security; lookups compare keys anyway.
/// </summary>
internal static class HubbleHash
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    public static ulong Of(ReadOnlySpan<byte> data)
    {
        var a = Prime1 ^ (ulong)data.Length;
        var b = Prime2;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && data.Length >= 64)
        {
            var acc = Vector256.Create(Prime1, Prime2, Prime1 ^ Prime2, ~Prime1).AsUInt32();
            var key = Vector256.Create(0x85EBCA77u, 0xC2B2AE3Du, 0x27D4EB2Fu, 0x165667B1u, 0x9E3779B1u, 0x85EBCA6Bu, 0xC2B2AE35u, 0x27D4EB4Fu);
            for (; i + 32 <= data.Length; i += 32)
            {
                // Multiply-xorshift per 32-bit lane; lanes stay independent, folded once at the end.
                var block = Vector256.Create(data.Slice(i, 32)).AsUInt32();
                acc = (acc ^ block) * key;
                acc ^= Vector256.ShiftRightLogical(acc, 15);
            }

            var folded = acc.AsUInt64();
            a ^= folded[0] + BitOperations.RotateLeft(folded[1], 17);
            b ^= folded[2] + BitOperations.RotateLeft(folded[3], 41);
        }

        for (; i + 16 <= data.Length; i += 16)
        {
            a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
        }

        if (i < data.Length)
        {
            if (data.Length >= 16)
            {
                // The last 16 bytes, overlapping what was already hashed, cover the tail without a byte loop.
                a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[^16..]));
                b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]));
            }
            else
            {
                for (; i < data.Length; i++)
                {
                    a = Round(a, data[i]);
                }
            }
        }

        var hash = a ^ BitOperations.RotateLeft(b, 27);
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        return hash;
    }

    private static ulong Round(ulong lane, ulong input) => BitOperations.RotateLeft(lane ^ (input * Prime2), 31) * Prime1;
}
