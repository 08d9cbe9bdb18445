namespace AutoShield.Core.Detections;

/// <summary>
/// A classified window: what the detector saw between two endpoints, how sure it is, and why. The record policies
/// match on (<c>detection.*</c>, <c>features.*</c>, <c>source.*</c>, <c>destination.*</c>) and the audit trail keeps.
/// </summary>
public sealed record Detection
{
    /// <summary>Stable id (unique per process run at least), quoted by decisions, actions and alerts.</summary>
    public required string Id { get; init; }

    /// <summary>Event time of the newest connection in the window (the source's clock, not the wall clock).</summary>
    public required DateTimeOffset Time { get; init; }

    public required DetectionEndpoint Source { get; init; }

    public required DetectionEndpoint Destination { get; init; }

    /// <summary>One of <see cref="AttackClass"/>, or a custom class name.</summary>
    public required string AttackClass { get; init; }

    /// <summary>Probability of <see cref="AttackClass"/> in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>What raised it: a model name ("cnn-lstm"), "fan-out", "anomaly", or a custom rule's name.</summary>
    public string Detector { get; init; } = string.Empty;

    /// <summary>
    /// The window summarised per feature under the names of <see cref="Windows.WindowFeature"/> (see
    /// <see cref="WindowSummary"/>); a feature the source could not measure (bytes on Hubble) is absent, never zero.
    /// </summary>
    public IReadOnlyDictionary<string, double> Features { get; init; } = new Dictionary<string, double>();

    public Explanation Explanation { get; init; } = Explanation.None;

    /// <summary>The autoencoder's reconstruction error when the detector computed one.</summary>
    public double? AnomalyScore { get; init; }

    /// <summary>Ground-truth label of the newest connection when the source was labelled (simulator, CIC CSV).</summary>
    public string? Label { get; init; }
}
