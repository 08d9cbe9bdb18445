using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Text;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Per-reader state the line parsers share: the pools that make repeated values free, and reusable buffers for
/// the rare escaped string. Not thread-safe, like the reader that owns it.
/// </summary>
internal sealed class HubbleParseContext(HubbleJsonReaderOptions options)
{
    private byte[] _nameScratch = new byte[64];
    private byte[] _valueScratch = new byte[256];
    private string[] _labelScratch = new string[32];

    public StringPool Strings { get; } = new(options.StringPoolCapacity);

    public LabelSetPool LabelSets { get; } = new(options.LabelSetPoolCapacity);

    public HubbleEndpointCache Endpoints { get; } = new(options.EndpointCacheCapacity);

    /// <summary>The current property name, unescaped; valid until the next property name.</summary>
    public ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? Unescape(ref reader, ref _nameScratch) : reader.ValueSpan;

    /// <summary>The current string value as unescaped UTF-8; valid until the next string value is read.</summary>
    public ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw HubbleJson.Expected(ref reader, field, "a string");
        }

        return reader.ValueIsEscaped || reader.HasValueSequence ? Unescape(ref reader, ref _valueScratch) : reader.ValueSpan;
    }

    /// <summary>The current string value interned; null when JSON null.</summary>
    public string? String(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : Strings.Intern(Utf8(ref reader, field));

    /// <summary>A JSON array of strings as a pooled label set; null when JSON null.</summary>
    public LabelSet? Labels(ref Utf8JsonReader reader, string field)
    {
        if (!HubbleJson.IsArray(ref reader, field))
        {
            return null;
        }

        var count = 0;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return LabelSets.Get(_labelScratch.AsSpan(0, count));
            }

            if (count == _labelScratch.Length)
            {
                Array.Resize(ref _labelScratch, count * 2);
            }

            _labelScratch[count++] = Strings.Intern(Utf8(ref reader, field));
        }
    }

    private static ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader, ref byte[] scratch)
    {
        // Unescaped text is never longer than its escaped form.
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (scratch.Length < length)
        {
            scratch = new byte[Math.Max(length, scratch.Length * 2)];
        }

        var written = reader.CopyString(scratch);
        return scratch.AsSpan(0, written);
    }
}
