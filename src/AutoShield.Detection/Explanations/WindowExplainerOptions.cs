namespace AutoShield.Detection.Explanations;

/// <summary>Settings of <see cref="WindowExplainer"/>.</summary>
public sealed record WindowExplainerOptions
{
    public ExplanationMethod Method { get; init; } = ExplanationMethod.IntegratedGradients;

    /// <summary>Path points of integrated gradients' first run; it doubles them while the completeness gap is too wide.</summary>
    public int Steps { get; init; } = 32;

    /// <summary>Most path points integrated gradients may use.</summary>
    public int MaxSteps { get; init; } = 512;

    /// <summary>Completeness gap accepted by integrated gradients, as a share of the logit difference.</summary>
    public float Tolerance { get; init; } = 0.02f;

    /// <summary>Features listed in <c>Explanation.Attributions</c> (row -1, summed over the window).</summary>
    public int TopFeatures { get; init; } = 5;

    /// <summary>Single cells (row, feature) listed after the features, when the method has them.</summary>
    public int TopCells { get; init; } = 5;
}
