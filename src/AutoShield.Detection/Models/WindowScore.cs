namespace AutoShield.Detection.Models;

/// <summary>
/// The verdict on one window: the most probable class, its probability, and, when the model has an anomaly
/// detector, the anomaly score and whether it exceeds the calibrated threshold.
/// </summary>
public readonly record struct WindowScore(int ClassIndex, float Confidence, float? AnomalyScore, bool IsAnomaly);
