namespace AutoShield.Detection.Models;

/// <summary>
/// The weights file: its name, how many floats it holds (classifier first, then the autoencoder) and the SHA-256
/// (lower-case hex) of those floats as little-endian bytes.
/// </summary>
public sealed record WeightsManifest(string File, int Count, int ClassifierCount, int AnomalyCount, string Sha256);
