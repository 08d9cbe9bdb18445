using System.Text;

namespace AutoShield.Metrics.Exposition;

/// <summary>
/// The text format's escapes: help text escapes <c>\</c> and newline; label values also escape <c>"</c>.
/// </summary>
internal static class Escaping
{
    public static void AppendHelp(StringBuilder builder, string help) => Append(builder, help, escapeQuote: false);

    public static void AppendLabelValue(StringBuilder builder, string value) => Append(builder, value, escapeQuote: true);

    /// <summary>Reverses either escape; an unknown escape keeps its backslash, as Prometheus does for help.</summary>
    public static string Unescape(ReadOnlySpan<char> text)
    {
        if (!text.Contains('\\'))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            i++;
            _ = text[i] switch
            {
                'n' => builder.Append('\n'),
                '\\' => builder.Append('\\'),
                '"' => builder.Append('"'),
                _ => builder.Append('\\').Append(text[i]),
            };
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string text, bool escapeQuote)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '"' when escapeQuote => builder.Append("\\\""),
                _ => builder.Append(c),
            };
        }
    }
}
