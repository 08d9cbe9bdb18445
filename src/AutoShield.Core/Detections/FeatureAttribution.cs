namespace AutoShield.Core.Detections;

/// <summary>
/// How much one feature, optionally at one window row, pushed the model towards the detected class.
/// <paramref name="Row"/> is 0 (oldest) to 19 (newest), or -1 when the weight sums over the window's rows.
/// </summary>
public sealed record FeatureAttribution(string Feature, int Row, double Weight, double Value);
