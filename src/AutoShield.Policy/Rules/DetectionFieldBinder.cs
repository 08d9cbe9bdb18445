using System.Diagnostics.CodeAnalysis;
using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Policy.Conditions;

namespace AutoShield.Policy.Rules;

/// <summary>
/// The fields policy conditions may use: <c>features.*</c> (the names of <see cref="WindowShape.FeatureNames"/> plus
/// <c>window_rows</c>, as <see cref="WindowSummary"/> computes them, and any extra names a detector declares),
/// <c>detection.*</c>, <c>source.*</c> and <c>destination.*</c>, and <c>time.*</c>.
/// </summary>
public sealed class DetectionFieldBinder : IFieldBinder<PolicyContext>
{
    private static readonly string[] EndpointFields = ["namespace", "pod", "workload", "workload_kind", "node", "ip", "port", "name", "labels.<key>"];
    private static readonly string[] DetectionFields = ["class", "attack_class", "confidence", "detector", "anomaly_score", "label", "id"];
    private static readonly string[] TimeFields = ["hour", "minute", "weekday"];

    private readonly HashSet<string> _features;

    public DetectionFieldBinder(IEnumerable<string>? extraFeatures = null)
    {
        _features = new HashSet<string>(WindowShape.FeatureNames, StringComparer.Ordinal) { WindowSummary.WindowRows };
        foreach (var name in extraFeatures ?? [])
        {
            _features.Add(name);
        }
    }

    /// <summary>The binder for the features AutoShield's own detectors produce.</summary>
    public static DetectionFieldBinder Default { get; } = new();

    public IReadOnlyCollection<string> Features => _features;

    public bool TryBind(string path, [NotNullWhen(true)] out FieldAccessor<PolicyContext>? accessor, [NotNullWhen(false)] out string? error)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var scope = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? string.Empty : path[(dot + 1)..];
        accessor = scope switch
        {
            "features" => Feature(path, rest),
            "detection" => DetectionField(path, rest),
            "source" => Endpoint(path, rest, static c => c.Detection.Source),
            "destination" => Endpoint(path, rest, static c => c.Detection.Destination),
            "time" => TimeField(path, rest),
            _ => null,
        };
        error = accessor is not null ? null : scope switch
        {
            "features" => $"unknown feature '{rest}': known features are {string.Join(", ", _features.Order(StringComparer.Ordinal))}",
            "detection" => $"unknown field '{path}': detection has {string.Join(", ", DetectionFields)}",
            "source" or "destination" => $"unknown field '{path}': {scope} has {string.Join(", ", EndpointFields)}",
            "time" => $"unknown field '{path}': time has {string.Join(", ", TimeFields)}",
            _ => $"unknown field '{path}': fields start with features., detection., source., destination. or time.",
        };
        return accessor is not null;
    }

    private FieldAccessor<PolicyContext>? Feature(string path, string name)
    {
        if (!_features.Contains(name))
        {
            return null;
        }

        return FieldAccessor<PolicyContext>.ForNumber(path, c => c.Detection.Features.TryGetValue(name, out var v) ? v : double.NaN);
    }

    private static FieldAccessor<PolicyContext>? DetectionField(string path, string name) => name switch
    {
        "class" or "attack_class" => FieldAccessor<PolicyContext>.ForText(path, static c => c.Detection.AttackClass),
        "confidence" => FieldAccessor<PolicyContext>.ForNumber(path, static c => c.Detection.Confidence),
        "detector" => FieldAccessor<PolicyContext>.ForText(path, static c => c.Detection.Detector),
        "anomaly_score" => FieldAccessor<PolicyContext>.ForNumber(path, static c => c.Detection.AnomalyScore ?? double.NaN),
        "label" => FieldAccessor<PolicyContext>.ForText(path, static c => c.Detection.Label),
        "id" => FieldAccessor<PolicyContext>.ForText(path, static c => c.Detection.Id),
        _ => null,
    };

    private static FieldAccessor<PolicyContext>? Endpoint(string path, string name, Func<PolicyContext, DetectionEndpoint> side)
    {
        if (name.StartsWith("labels.", StringComparison.Ordinal) && name.Length > "labels.".Length)
        {
            var key = name["labels.".Length..];
            return FieldAccessor<PolicyContext>.ForText(path, c => side(c).Labels.TryGetValue(key, out var v) ? v : null);
        }

        return name switch
        {
            "namespace" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).Namespace),
            "pod" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).Pod),
            "workload" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).Workload),
            "workload_kind" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).WorkloadKind),
            "node" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).Node),
            "ip" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).Ip),
            "name" => FieldAccessor<PolicyContext>.ForText(path, c => side(c).DisplayName),
            "port" => FieldAccessor<PolicyContext>.ForNumber(path, c => side(c).Port),
            _ => null,
        };
    }

    private static FieldAccessor<PolicyContext>? TimeField(string path, string name) => name switch
    {
        "hour" => FieldAccessor<PolicyContext>.ForNumber(path, static c => c.Hour),
        "minute" => FieldAccessor<PolicyContext>.ForNumber(path, static c => c.Minute),
        "weekday" => FieldAccessor<PolicyContext>.ForNumber(path, static c => c.Weekday, WeekdayNumber),
        _ => null,
    };

    /// <summary>mon/monday (1) to sun/sunday (7), case-insensitive.</summary>
    private static double? WeekdayNumber(string name) => name.ToUpperInvariant() switch
    {
        "MON" or "MONDAY" => 1,
        "TUE" or "TUESDAY" => 2,
        "WED" or "WEDNESDAY" => 3,
        "THU" or "THURSDAY" => 4,
        "FRI" or "FRIDAY" => 5,
        "SAT" or "SATURDAY" => 6,
        "SUN" or "SUNDAY" => 7,
        _ => null,
    };
}
