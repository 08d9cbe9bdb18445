using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>What a registry knows about one metric family regardless of its kind: identity and exposition.</summary>
internal abstract class MetricFamily(string name, string help, MetricType type, string[] labelNames, double[]? buckets)
{
    public string Name { get; } = name;

    public string Help { get; } = help;

    public MetricType Type { get; } = type;

    public string[] LabelNames { get; } = labelNames;

    /// <summary>Histogram upper bounds without <c>+Inf</c>; null for other kinds.</summary>
    public double[]? Buckets { get; } = buckets;

    /// <summary>The family name and the names its samples appear under, which no other family may use.</summary>
    public string[] ClaimedNames => Type == MetricType.Histogram
        ? [Name, Name + "_bucket", Name + "_sum", Name + "_count"]
        : [Name];

    public bool HasSameShape(MetricType type, string[] labelNames, double[]? buckets) =>
        Type == type
        && LabelNames.AsSpan().SequenceEqual(labelNames)
        && (Buckets ?? []).AsSpan().SequenceEqual(buckets ?? []);

    public abstract void Write(ExpositionWriter writer);
}
