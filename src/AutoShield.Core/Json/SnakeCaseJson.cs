using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoShield.Core.Json;

/// <summary>
/// AutoShield's one JSON style, shared by the command line, evaluation reports and the REST API: snake_case names,
/// enums as snake_case strings, dictionary keys as given, nulls left out.
/// </summary>
public static class SnakeCaseJson
{
    /// <summary>Options in that style; shared and read-only once first used.</summary>
    public static readonly JsonSerializerOptions Options = Apply(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>Sets the naming and enum conventions on options that something else owns (ASP.NET Core's).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
