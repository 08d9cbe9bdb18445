using AutoShield.Core.Windows;
using AutoShield.Detection.Features;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// The reference window attributions are measured against: every measured value of the real rows at its training
/// mean (0 after normalisation), while padding rows and missing-value flags keep the window's own values. So a
/// window's padding and a source's missing byte counts get no credit; only what was measured explains a verdict.
/// </summary>
internal static class AttributionBaseline
{
    /// <summary>Writes the normalised window into <paramref name="input"/> and its baseline into <paramref name="baseline"/>.</summary>
    public static void Build(FeatureNormalizer normalizer, ReadOnlySpan<float> window, int rowCount, Span<float> input, Span<float> baseline)
    {
        normalizer.Apply(window, input);
        input[..normalizer.InputSize].CopyTo(baseline);
        var width = normalizer.InputWidth;
        for (var r = WindowShape.Rows - rowCount; r < WindowShape.Rows; r++)
        {
            baseline.Slice(r * width, WindowShape.Features).Clear();
        }
    }

    /// <summary>Folds attributions over the model's input columns into raw (row, feature) cells; flag columns go to the feature they flag.</summary>
    public static void ToCells(FeatureNormalizer normalizer, ReadOnlySpan<float> inputAttribution, Span<float> cells)
    {
        var width = normalizer.InputWidth;
        var flags = normalizer.Normalization.MissingFlags;
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            var row = inputAttribution.Slice(r * width, width);
            var target = cells.Slice(r * WindowShape.Features, WindowShape.Features);
            row[..WindowShape.Features].CopyTo(target);
            for (var k = 0; k < flags.Length; k++)
            {
                target[flags[k]] += row[WindowShape.Features + k];
            }
        }
    }

    public static int ClampRows(int rowCount) => Math.Clamp(rowCount, 0, WindowShape.Rows);
}
