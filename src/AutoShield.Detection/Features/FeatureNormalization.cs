namespace AutoShield.Detection.Features;

/// <summary>
/// How raw window features become model inputs, as stored in <c>model.json</c>: per feature (column order of
/// <see cref="AutoShield.Core.Windows.WindowFeature"/>) whether log1p applies, then the mean and standard deviation
/// of the (transformed) training values; <see cref="MissingFlags"/> lists the features that get a 0/1 "missing"
/// input column appended after the 12 features.
/// </summary>
public sealed record FeatureNormalization(bool[] Log1p, float[] Mean, float[] Std, int[] MissingFlags);
