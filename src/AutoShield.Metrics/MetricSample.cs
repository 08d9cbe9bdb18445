namespace AutoShield.Metrics;

/// <summary>One sample line read back from an exposition: its name, labels and value.</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
