using System.Text.Json.Serialization;

namespace AutoShield.Detection.Networks;

/// <summary>How the Transformer turns its per-row outputs into one vector for the classifier head.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransformerPooling>))]
public enum TransformerPooling
{
    /// <summary>Mean over all rows.</summary>
    Mean,

    /// <summary>The last row (the newest connection).</summary>
    Last,
}
