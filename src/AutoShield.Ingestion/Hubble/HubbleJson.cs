using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Typed reads of protobuf-JSON values from a <see cref="Utf8JsonReader"/> positioned on the value. JSON null means
/// absent (proto3 JSON); integers may be numbers or decimal strings (how jsonpb writes 64-bit values). Anything
/// else throws a <see cref="HubbleFormatException"/> naming the field and what was expected.
/// </summary>
internal static class HubbleJson
{
    /// <summary>Moves to the next token; a line cannot end inside its object.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new HubbleFormatException("unexpected end of the line inside the JSON object");
        }
    }

    /// <summary>True on an object, false on null; throws on anything else.</summary>
    public static bool IsObject(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Expected(ref reader, field, "an object"),
    };

    /// <summary>True on an array, false on null; throws on anything else.</summary>
    public static bool IsArray(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        _ => throw Expected(ref reader, field, "an array"),
    };

    public static bool? Bool(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Expected(ref reader, field, "true or false"),
    };

    /// <summary>An unsigned integer no greater than <paramref name="max"/>; 0 when null.</summary>
    public static uint UInt32(ref Utf8JsonReader reader, string field, uint max = uint.MaxValue)
    {
        var value = UInt64(ref reader, field);
        return value <= max ? (uint)value : throw Expected(ref reader, field, $"an integer from 0 to {max}");
    }

    /// <summary>An unsigned 64-bit integer no greater than <paramref name="max"/>, as a number or a decimal string; 0 when null.</summary>
    public static ulong UInt64(ref Utf8JsonReader reader, string field, ulong max)
    {
        var value = UInt64(ref reader, field);
        return value <= max ? value : throw Expected(ref reader, field, $"an integer from 0 to {max}");
    }

    /// <summary>An unsigned 64-bit integer, as a number or a decimal string; 0 when null.</summary>
    public static ulong UInt64(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetUInt64(out var number):
                return number;
            case JsonTokenType.String when !reader.ValueIsEscaped
                && Utf8Parser.TryParse(reader.ValueSpan, out ulong parsed, out var used) && used == reader.ValueSpan.Length:
                return parsed;
            case JsonTokenType.Null:
                return 0;
            default:
                throw Expected(ref reader, field, "an unsigned integer");
        }
    }

    /// <summary>A signed 32-bit integer (enum numbers, event types), as a number or a decimal string; 0 when null.</summary>
    public static int Int32(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                return number;
            case JsonTokenType.String when !reader.ValueIsEscaped
                && Utf8Parser.TryParse(reader.ValueSpan, out int parsed, out var used) && used == reader.ValueSpan.Length:
                return parsed;
            case JsonTokenType.Null:
                return 0;
            default:
                throw Expected(ref reader, field, reader.TokenType == JsonTokenType.Number ? "a whole number" : "an integer");
        }
    }

    /// <summary>An enum written as a number (the name form is the caller's); 0 when null.</summary>
    public static int EnumNumber(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
        JsonTokenType.Null => 0,
        _ => throw Expected(ref reader, field, "an enum name or number"),
    };

    public static HubbleFormatException Expected(ref Utf8JsonReader reader, string field, string what) =>
        new($"{field}: expected {what}, got {Describe(ref reader)}");

    /// <summary>The current token for an error message: its kind and the start of its text.</summary>
    public static string Describe(ref Utf8JsonReader reader)
    {
        const int MaxShown = 60;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "an array";
            case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                return reader.TokenType.ToString().ToLowerInvariant();
            default:
                var raw = reader.ValueSpan;
                var shown = Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, MaxShown)]);
                var more = raw.Length > MaxShown ? "..." : string.Empty;
                return reader.TokenType == JsonTokenType.String
                    ? $"the string \"{shown}{more}\""
                    : $"{reader.TokenType.ToString().ToLowerInvariant()} {shown}{more}";
        }
    }
}
