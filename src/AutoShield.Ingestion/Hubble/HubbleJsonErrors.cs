using System.Text;
using System.Text.Json;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Words a JSON syntax error for a person: where on the line, after which field, and what was wrong.</summary>
internal static class HubbleJsonErrors
{
    /// <summary>
    /// Replays the line with a fresh reader (error path only): the parser's reader may have restarted part-way
    /// through the line, so its positions are not the line's, and the replay also names the last field read.
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> line, JsonException error)
    {
        string? field = null;
        var reader = new Utf8JsonReader(line);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    field = Encoding.UTF8.GetString(reader.ValueSpan);
                }
            }
        }
        catch (JsonException replayed)
        {
            error = replayed;
        }

        var reason = error.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        // The reader's advice to change its options is not the user's to take.
        reason = reason.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
        var where = field is null ? string.Empty : $" (after field \"{field}\")";
        return $"invalid JSON at byte {error.BytePositionInLine}{where}: {reason}";
    }
}
