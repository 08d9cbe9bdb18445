using System.Runtime.InteropServices;

namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Distinct destination ports of one pair in a fixed 128-byte block: the first <see cref="ExactCapacity"/>
/// distinct ports are held exactly; the 65th turns the same block into a 1,024-bit linear-counting bitmap (error
/// documented on <see cref="LinearCounting"/>: about 2.6% at 1,000 ports, saturating near 7,100).
/// </summary>
internal static class PortSet
{
    public const int ExactCapacity = 64;

    /// <summary>Ports per block; the bitmap reuses the block as 16 machine words.</summary>
    public const int BlockLength = ExactCapacity;

    /// <param name="exactCount">Ports held exactly, or -1 once the block has become a bitmap.</param>
    public static void Add(Span<ushort> block, ref int exactCount, ushort port)
    {
        if (exactCount >= 0)
        {
            if (block[..exactCount].Contains(port))
            {
                return;
            }

            if (exactCount < ExactCapacity)
            {
                block[exactCount++] = port;
                return;
            }

            Span<ushort> held = stackalloc ushort[ExactCapacity];
            block.CopyTo(held);
            block.Clear();
            var bitmap = MemoryMarshal.Cast<ushort, ulong>(block);
            foreach (var p in held)
            {
                LinearCounting.Set(bitmap, p);
            }

            exactCount = -1;
        }

        LinearCounting.Set(MemoryMarshal.Cast<ushort, ulong>(block), port);
    }

    public static int Count(ReadOnlySpan<ushort> block, int exactCount) => exactCount >= 0
        ? exactCount
        : Math.Max(ExactCapacity + 1, LinearCounting.Estimate(MemoryMarshal.Cast<ushort, ulong>(block)));
}
