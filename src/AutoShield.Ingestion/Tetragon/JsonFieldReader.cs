using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AutoShield.Core.Net;
using AutoShield.Core.Text;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Typed field access over a <see cref="JsonElement"/> that never throws on bad input: the first field of the wrong
/// type is remembered in <see cref="Error"/> (with its path and what was expected) and a default is returned, so a
/// parser reads a whole record and checks once. Short strings are interned through the reader's pool.
/// </summary>
internal sealed class JsonFieldReader(StringPool pool)
{
    private const int MaxInternBytes = 256;
    private const int MaxShownChars = 40;

    public string? Error { get; private set; }

    public bool Failed => Error is not null;

    public void Reset() => Error = null;

    public void Fail(string path, string message) => Error ??= $"{path}: {message}";

    public void Fail(string parent, string name, string expected, JsonElement found) =>
        Error ??= $"{Join(parent, name)}: expected {expected}, found {Describe(found)}";

    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The value of a present, non-null property.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string? String(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(parent, name, "a string", value);
            return null;
        }

        return Text(value);
    }

    /// <summary>Decodes a string element, interning short values.</summary>
    public string Text(JsonElement value)
    {
        var raw = StringContent(value);
        if (raw.Contains((byte)'\\'))
        {
            return value.GetString() ?? string.Empty;
        }

        return raw.Length <= MaxInternBytes ? pool.Intern(raw) : Encoding.UTF8.GetString(raw);
    }

    /// <summary>An enum exported by name, or by number by some encoders.</summary>
    public string? EnumName(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        return String(obj, parent, name);
    }

    public bool? Bool(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(parent, name, "true or false", value);
        return null;
    }

    public uint? UInt32(JsonElement obj, string parent, string name) =>
        UInt64(obj, parent, name, uint.MaxValue, "an unsigned 32-bit integer") is { } v ? (uint)v : null;

    public ulong? UInt64(JsonElement obj, string parent, string name) =>
        UInt64(obj, parent, name, ulong.MaxValue, "an unsigned 64-bit integer");

    public ushort? Port(JsonElement obj, string parent, string name) =>
        UInt64(obj, parent, name, ushort.MaxValue, "a port number 0-65535") is { } v ? (ushort)v : null;

    public int? Int32(JsonElement obj, string parent, string name) =>
        Int64(obj, parent, name, int.MinValue, int.MaxValue, "a 32-bit integer") is { } v ? (int)v : null;

    public long? Int64(JsonElement obj, string parent, string name) =>
        Int64(obj, parent, name, long.MinValue, long.MaxValue, "a 64-bit integer");

    /// <summary>A <c>google.protobuf.Timestamp</c> in RFC 3339 form, as nanoseconds since the Unix epoch.</summary>
    public long? Time(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && TetragonTime.TryParseUnixNanos(Utf8(value), out var nanos))
        {
            return nanos;
        }

        Fail(parent, name, "an RFC 3339 time such as 2022-01-19T16:29:01.861Z", value);
        return null;
    }

    /// <summary>An IPv4 or IPv6 address; absent or empty is <see cref="IpAddr.None"/>.</summary>
    public IpAddr Ip(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return IpAddr.None;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = Utf8(value);
            if (text.IsEmpty)
            {
                return IpAddr.None;
            }

            if (IpAddr.TryParse(text, out var address))
            {
                return address;
            }
        }

        Fail(parent, name, "an IP address", value);
        return IpAddr.None;
    }

    /// <summary>Length of a base64 <c>bytes</c> value once decoded.</summary>
    public int? Base64Length(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Base64.IsValid(Utf8(value), out var length))
        {
            return length;
        }

        Fail(parent, name, "base64 bytes", value);
        return null;
    }

    public JsonElement? Object(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        Fail(parent, name, "an object", value);
        return null;
    }

    public JsonElement? Array(JsonElement obj, string parent, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return value;
        }

        Fail(parent, name, "an array", value);
        return null;
    }

    public IReadOnlyList<string> Strings(JsonElement obj, string parent, string name)
    {
        if (Array(obj, parent, name) is not { } array)
        {
            return [];
        }

        var list = new List<string>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(Text(item));
            }
            else
            {
                Fail(parent, $"{name}[{index}]", "a string", item);
            }

            index++;
        }

        return list;
    }

    /// <summary>A <c>map&lt;string, string&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string>? Map(JsonElement obj, string parent, string name)
    {
        if (Object(obj, parent, name) is not { } map)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                result[property.Name] = Text(property.Value);
            }
            else
            {
                Fail(Join(parent, name), property.Name, "a string", property.Value);
            }
        }

        return result;
    }

    private ulong? UInt64(JsonElement obj, string parent, string name, ulong max, string expected)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        // proto3 JSON writes 64-bit integers as strings and accepts strings for every integer type.
        ulong parsed = 0;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetUInt64(out parsed),
            JsonValueKind.String => TryParseWhole(Utf8(value), out parsed),
            _ => false,
        };
        if (ok && parsed <= max)
        {
            return parsed;
        }

        Fail(parent, name, expected, value);
        return null;
    }

    private long? Int64(JsonElement obj, string parent, string name, long min, long max, string expected)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        long parsed = 0;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out parsed),
            JsonValueKind.String => TryParseWhole(Utf8(value), out parsed),
            _ => false,
        };
        if (ok && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        Fail(parent, name, expected, value);
        return null;
    }

    private static bool TryParseWhole(ReadOnlySpan<byte> text, out ulong value) =>
        Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    private static bool TryParseWhole(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    /// <summary>UTF-8 content of a string element: the raw bytes when unescaped, else the decoded text re-encoded.</summary>
    private static ReadOnlySpan<byte> Utf8(JsonElement value)
    {
        var raw = StringContent(value);
        return raw.Contains((byte)'\\') ? Encoding.UTF8.GetBytes(value.GetString() ?? string.Empty) : raw;
    }

    private static ReadOnlySpan<byte> StringContent(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 && raw[0] == '"' ? raw[1..^1] : raw;
    }

    private static string Describe(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = Encoding.UTF8.GetString(StringContent(value));
                return text.Length > MaxShownChars ? $"string \"{text[..MaxShownChars]}…\"" : $"string \"{text}\"";
            case JsonValueKind.Number:
                var number = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));
                return number.Length > MaxShownChars ? $"number {number[..MaxShownChars]}…" : $"number {number}";
            case JsonValueKind.True:
            case JsonValueKind.False:
                return "a boolean";
            case JsonValueKind.Object:
                return "an object";
            case JsonValueKind.Array:
                return "an array";
            default:
                return "null";
        }
    }
}
