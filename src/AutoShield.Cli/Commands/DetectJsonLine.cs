using System.Text.Json.Serialization;
using AutoShield.Core.Detections;

namespace AutoShield.Cli.Commands;

/// <summary>One line of <c>autoshield detect --output json</c>: a detection with its explanation.</summary>
public sealed record DetectJsonLine(
    string Id,
    DateTimeOffset Time,
    DetectionEndpoint Source,
    DetectionEndpoint Destination,
    string Class,
    double Confidence,
    string Detector,
    Explanation Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AnomalyScore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Label,
    IReadOnlyDictionary<string, double> Features)
{
    public static DetectJsonLine From(Core.Detections.Detection d) => new(
        d.Id, d.Time, d.Source, d.Destination, d.AttackClass, Math.Round(d.Confidence, 4), d.Detector, d.Explanation,
        d.AnomalyScore is { } score ? Math.Round(score, 6) : null, d.Label, d.Features);
}
