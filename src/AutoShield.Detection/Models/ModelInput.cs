namespace AutoShield.Detection.Models;

/// <summary>The raw window the model reads (steps × feature names) and the width of its normalised input rows.</summary>
public sealed record ModelInput(int Steps, IReadOnlyList<string> Features, int Width);
