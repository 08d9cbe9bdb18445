using System.Text.Json;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Reads an object value through a <see cref="HubbleObjectCache{T}"/>: bytes seen before are not even tokenized
/// again; new ones are tokenized, parsed and remembered.
/// </summary>
internal static class HubbleCachedObject
{
    /// <summary>
    /// Reads the object the reader is on and leaves the reader on its closing brace; default for JSON null. The
    /// reader may be replaced by one restarted later in the line: <see cref="HubbleLineState.ReaderOffset"/> says where.
    /// </summary>
    public static T Read<T, TParser>(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, HubbleParseContext context, HubbleObjectCache<T> cache, ref HubbleLineState state, string field)
        where T : struct
        where TParser : IHubbleObjectParser<T>
    {
        if (!HubbleJson.IsObject(ref reader, field))
        {
            return default;
        }

        var start = state.ReaderOffset + (int)reader.TokenStartIndex;
        if (cache.TryMatchStart(line[start..], out var value, out var length))
        {
            // These bytes are an object already read and validated: restart the reader on its closing brace, from
            // the state it has now on the opening one, as if the object had been "{}".
            var close = start + length - 1;
            reader = new Utf8JsonReader(line[close..], isFinalBlock: true, reader.CurrentState);
            reader.Read();
            state.ReaderOffset = close;
            return value;
        }

        reader.Skip();
        var json = line[start..(state.ReaderOffset + (int)reader.TokenStartIndex + 1)];
        if (cache.TryGet(json, out value))
        {
            return value;
        }

        var inner = new Utf8JsonReader(json);
        inner.Read();
        value = TParser.Parse(ref inner, context, field);
        cache.Add(json, value);
        return value;
    }
}
