using System.Text.Json;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Words a JSON syntax error for a person: where on the line, after which field, and what was wrong.</summary>
internal static class HubbleJsonErrors
{
    public static string Describe(ReadOnlySpan<byte> line, JsonException error)
    {
        var reason = error.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        // The reader's advice to change its options is not the user's to take.
        reason = reason.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
        var field = LastFieldBeforeError(line);
        var where = field is null ? string.Empty : $" (after field \"{field}\")";
        return $"invalid JSON at byte {error.BytePositionInLine}{where}: {reason}";
    }

    // Error path only: replays the line to name the last property read before the reader gave up.
    private static string? LastFieldBeforeError(ReadOnlySpan<byte> line)
    {
        string? field = null;
        var reader = new Utf8JsonReader(line);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    field = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return field;
        }
        catch (InvalidOperationException)
        {
            return field;
        }

        return field;
    }
}
