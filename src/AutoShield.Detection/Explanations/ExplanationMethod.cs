namespace AutoShield.Detection.Explanations;

/// <summary>How a classifier verdict is attributed to the window.</summary>
public enum ExplanationMethod
{
    /// <summary>Integrated gradients: per cell, sums to the logit difference; about 2 × steps network passes.</summary>
    IntegratedGradients,

    /// <summary>Occlusion of each feature and each row: forward passes only, per feature and per row.</summary>
    Occlusion,
}
