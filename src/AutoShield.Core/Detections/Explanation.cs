namespace AutoShield.Core.Detections;

/// <summary>
/// Why a detection was raised: a sentence a person reads, built from the window's own numbers ("41 SYNs, 0
/// completed handshakes, 38 ports in 1.2 s"), the attributions it came from, strongest first, and how they were
/// computed (for example "integrated-gradients", "occlusion", "fan-out", "rule").
/// </summary>
public sealed record Explanation(string Sentence, IReadOnlyList<FeatureAttribution> Attributions, string Method)
{
    public static Explanation None { get; } = new(string.Empty, [], "none");
}
