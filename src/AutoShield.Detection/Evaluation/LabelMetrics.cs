namespace AutoShield.Detection.Evaluation;

/// <summary>Windows of one original data-set label and the share flagged as any attack (<c>ANOMALY</c> included).</summary>
public sealed record LabelMetrics(string? MappedClass, int Windows, int Flagged, double DetectionRate);
