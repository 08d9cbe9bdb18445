using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoShield.Detection.Evaluation;

/// <summary>The JSON form of evaluation reports: snake_case names, enums as strings, nulls left out.</summary>
public static class EvalReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(EvalReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, indented ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options);
}
