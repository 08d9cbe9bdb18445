using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Models;

/// <summary>
/// The anomaly autoencoder: its architecture and the threshold on the anomaly score (the mean squared
/// reconstruction error of the normalised window) above which a window is anomalous, with the benign quantile and
/// the number of benign windows it was calibrated on.
/// </summary>
public sealed record AnomalyManifest(AutoencoderSpec Architecture, float Threshold, float Quantile, int CalibrationWindows);
