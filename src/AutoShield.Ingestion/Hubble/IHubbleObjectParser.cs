using System.Text.Json;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Parses one kind of JSON object whose result <see cref="HubbleCachedObject"/> may cache by its bytes.</summary>
internal interface IHubbleObjectParser<T>
    where T : struct
{
    /// <summary>Reads the object the reader is on (at its opening brace) up to its closing brace.</summary>
    static abstract T Parse(ref Utf8JsonReader reader, HubbleParseContext context, string field);
}
