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

    // The wrapper repeats the flow's time: remembering the last text parsed makes the second parse a compare.
    private readonly byte[] _lastTimeUtf8 = new byte[40];
    private int _lastTimeLength = -1;
    private long _lastTime;

    // The node name repeats on every line of one node's export (twice: flow and wrapper); comparing its bytes with
    // the last one is cheaper than hashing them into the pool.
    private byte[] _lastNodeUtf8 = new byte[64];
    private int _lastNodeLength = -1;
    private string _lastNode = string.Empty;

    public StringPool Strings { get; } = new(options.StringPoolCapacity);

    public LabelSetPool LabelSets { get; } = new(options.LabelSetPoolCapacity);

    /// <summary>Parsed endpoint objects by their bytes; a few hundred bytes each, most of a line.</summary>
    public HubbleObjectCache<FlowEndpoint> Endpoints { get; } = new(options.ObjectCacheCapacity, prefixBytes: 64, arenaBytes: ArenaBytes(options.ObjectCacheCapacity, 384));

    /// <summary>Runs of stable Flow properties by their bytes (see <see cref="HubbleRunBoundaries"/>).</summary>
    public HubbleObjectCache<HubbleRun> Runs { get; } = new(Math.Max(16, options.ObjectCacheCapacity / 2), prefixBytes: 0, arenaBytes: ArenaBytes(options.ObjectCacheCapacity / 2, 512));

    /// <summary>Parsed address pairs by the bytes of their <c>IP</c> object; short, so a short prefix.</summary>
    public HubbleObjectCache<HubbleAddresses> Addresses { get; } = new(options.ObjectCacheCapacity, prefixBytes: 32, arenaBytes: ArenaBytes(options.ObjectCacheCapacity, 96));

    // Key bytes for a cache of this many entries of about this size; never less than one key of the largest size.
    private static int ArenaBytes(int entries, int bytesPerEntry) =>
        Math.Max(HubbleObjectCache<HubbleRun>.MaxKeyBytes, entries * bytesPerEntry);

    /// <summary>The current property name, unescaped; valid until the next property name.</summary>
    public ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Unescape(ref reader, ref _nameScratch, "a property name") : reader.ValueSpan;

    /// <summary>The current string value as unescaped UTF-8; valid until the next string value is read.</summary>
    public ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw HubbleJson.Expected(ref reader, field, "a string");
        }

        return reader.ValueIsEscaped ? Unescape(ref reader, ref _valueScratch, field) : reader.ValueSpan;
    }

    /// <summary>The current string value interned; null when JSON null.</summary>
    public string? String(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : Strings.Intern(Utf8(ref reader, field));

    /// <summary>A node name, interned; null when JSON null.</summary>
    public string? NodeName(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var utf8 = Utf8(ref reader, field);
        if (utf8.Length == _lastNodeLength && utf8.SequenceEqual(_lastNodeUtf8.AsSpan(0, _lastNodeLength)))
        {
            return _lastNode;
        }

        _lastNode = Strings.Intern(utf8);
        if (_lastNodeUtf8.Length < utf8.Length)
        {
            _lastNodeUtf8 = new byte[utf8.Length];
        }

        utf8.CopyTo(_lastNodeUtf8);
        _lastNodeLength = utf8.Length;
        return _lastNode;
    }

    /// <summary>An RFC 3339 time as Unix nanoseconds; false when JSON null.</summary>
    public bool Time(ref Utf8JsonReader reader, string field, out long unixNanos)
    {
        unixNanos = 0;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        var utf8 = Utf8(ref reader, field);
        if (utf8.Length == _lastTimeLength && utf8.SequenceEqual(_lastTimeUtf8.AsSpan(0, _lastTimeLength)))
        {
            unixNanos = _lastTime;
            return true;
        }

        if (!Rfc3339Timestamp.TryParseUnixNanos(utf8, out unixNanos))
        {
            throw HubbleJson.Expected(ref reader, field, "an RFC 3339 timestamp such as 2021-11-10T10:40:56.465597700Z");
        }

        if (utf8.Length <= _lastTimeUtf8.Length)
        {
            utf8.CopyTo(_lastTimeUtf8);
            _lastTimeLength = utf8.Length;
            _lastTime = unixNanos;
        }

        return true;
    }

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

    private static ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader, ref byte[] scratch, string field)
    {
        // Unescaped text is never longer than its escaped form.
        if (scratch.Length < reader.ValueSpan.Length)
        {
            scratch = new byte[Math.Max(reader.ValueSpan.Length, scratch.Length * 2)];
        }

        try
        {
            var written = reader.CopyString(scratch);
            return scratch.AsSpan(0, written);
        }
        catch (InvalidOperationException e)
        {
            // An escaped lone surrogate (\uD800) is valid JSON syntax but no text.
            throw new HubbleFormatException($"{field}: invalid escaped string ({e.Message})");
        }
    }
}
