using System.Text.Json;
using AutoShield.Core.Json;

namespace AutoShield.Detection.Evaluation;

/// <summary>The JSON form of evaluation reports, in AutoShield's one style (<see cref="SnakeCaseJson"/>).</summary>
public static class EvalReportJson
{
    public static readonly JsonSerializerOptions Options = SnakeCaseJson.Options;

    public static string Serialize(EvalReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, indented ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options);
}
