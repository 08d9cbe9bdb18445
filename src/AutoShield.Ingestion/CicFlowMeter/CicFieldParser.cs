using System.Buffers.Text;

namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>Parses CICFlowMeter numeric fields from UTF-8 without allocating.</summary>
internal static class CicFieldParser
{
    /// <summary>
    /// A whole number, also when written with a zero fraction (<c>86.0</c>, as pandas re-exports write counts).
    /// Anything else (<c>Infinity</c>, <c>NaN</c>, <c>1.5</c>, text, overflow) is rejected.
    /// </summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        var dot = text.IndexOf((byte)'.');
        if (dot >= 0)
        {
            var fraction = text[(dot + 1)..];
            if (fraction.IsEmpty || fraction.IndexOfAnyExcept((byte)'0') >= 0)
            {
                value = 0;
                return false;
            }

            text = text[..dot];
        }

        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && text.Length > 0;
    }
}
