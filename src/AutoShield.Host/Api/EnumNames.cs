using System.Text.Json;

namespace AutoShield.Host.Api;

/// <summary>Enum values as the API, metrics and logs spell them: snake_case (DryRun → dry_run), like the JSON converter.</summary>
public static class EnumNames
{
    public static string ToName(this Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
