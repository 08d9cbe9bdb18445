using System.Buffers;
using System.Text;
using AutoShield.Core.Text;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>Interns protobuf-decoded strings through a <see cref="StringPool"/> without allocating on a hit.</summary>
internal static class HubbleStrings
{
    private const int StackLimit = 512;

    /// <summary>The pooled instance of <paramref name="value"/>; null for an empty or absent value (proto3 cannot tell them apart).</summary>
    public static string? Intern(StringPool pool, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            return pool.Intern(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
