using System.Numerics;
using System.Runtime.Intrinsics;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Where runs (stretches of stable Flow properties) begin and end. A run lies between volatile fields, which change
/// from line to line (time, l4 ports and flags, l7, Summary, per-flow ids), so equal runs recur byte for byte.
/// </summary>
internal static class HubbleRunBoundaries
{
    /// <summary>Shorter runs cost more to look up than to read.</summary>
    public const int MinRunBytes = 48;

    /// <summary>Fields that end a run and are read on every line.</summary>
    public static bool IsVolatile(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("l4"u8) || name.SequenceEqual("l7"u8),
        4 => name.SequenceEqual("time"u8) || name.SequenceEqual("uuid"u8),
        7 => name.SequenceEqual("Summary"u8),
        9 => name.SequenceEqual("cgroup_id"u8),
        13 => name.SequenceEqual("socket_cookie"u8) || name.SequenceEqual("trace_context"u8),
        _ => false,
    };

    /// <summary>
    /// Where a run starting at <paramref name="start"/> (the comma after a value) would end: at the comma before the
    /// next volatile field, or at the flow's closing brace where the wrapper goes on; -1 when neither is found.
    /// A guess from the bytes alone (a comma inside a string could fool it): a run is only used when its exact
    /// bytes are cached, and JSON read from the same bytes reads the same, so a wrong guess only costs a miss.
    /// </summary>
    public static int FindEnd(ReadOnlySpan<byte> line, int start)
    {
        var i = start + 1;
        if (Vector256.IsHardwareAccelerated)
        {
            // 32 positions at a time, keeping only a comma, a quote, and the first letter of a field that can end a
            // run (l4 l7 time trace_context Summary uuid cgroup_id socket_cookie node_name autoshield).
            var width = Vector256<byte>.Count;
            for (; i + width + 2 <= line.Length; i += width)
            {
                var third = Vector256.Create(line.Slice(i + 2, width));
                var letters = Vector256.Equals(third, Vector256.Create((byte)'l')) | Vector256.Equals(third, Vector256.Create((byte)'t'))
                    | Vector256.Equals(third, Vector256.Create((byte)'S')) | Vector256.Equals(third, Vector256.Create((byte)'u'))
                    | Vector256.Equals(third, Vector256.Create((byte)'c')) | Vector256.Equals(third, Vector256.Create((byte)'s'))
                    | Vector256.Equals(third, Vector256.Create((byte)'n')) | Vector256.Equals(third, Vector256.Create((byte)'a'));
                var candidates = (Vector256.Equals(Vector256.Create(line.Slice(i, width)), Vector256.Create((byte)','))
                    & Vector256.Equals(Vector256.Create(line.Slice(i + 1, width)), Vector256.Create((byte)'"'))
                    & letters).ExtractMostSignificantBits();
                for (; candidates != 0; candidates &= candidates - 1)
                {
                    var end = EndAt(line, i + BitOperations.TrailingZeroCount(candidates));
                    if (end >= 0)
                    {
                        return end;
                    }
                }
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == ',')
            {
                var end = EndAt(line, i);
                if (end >= 0)
                {
                    return end;
                }
            }
        }

        return -1;
    }

    /// <summary>The run's end if the comma at <paramref name="comma"/> starts a volatile field or the wrapper's next field.</summary>
    private static int EndAt(ReadOnlySpan<byte> line, int comma)
    {
        if (comma + 2 >= line.Length || line[comma + 1] != '"')
        {
            return -1;
        }

        var name = line[(comma + 2)..];
        if (line[comma - 1] == '}'
            && (name.StartsWith("node_name\":"u8) || name.StartsWith("time\":"u8) || name.StartsWith("autoshield\":"u8)))
        {
            return comma - 1;
        }

        var volatileField = name[0] switch
        {
            (byte)'l' => name.StartsWith("l4\":"u8) || name.StartsWith("l7\":"u8),
            (byte)'t' => name.StartsWith("time\":"u8) || name.StartsWith("trace_context\":"u8),
            (byte)'S' => name.StartsWith("Summary\":"u8),
            (byte)'u' => name.StartsWith("uuid\":"u8),
            (byte)'c' => name.StartsWith("cgroup_id\":"u8),
            (byte)'s' => name.StartsWith("socket_cookie\":"u8),
            _ => false,
        };
        return volatileField ? comma : -1;
    }
}
