using AutoShield.Core.Windows;

namespace AutoShield.Detection.Baselines;

/// <summary>
/// The baseline's input: the raw window flattened (240 values) with missing values as a sentinel, plus a 0/1
/// "missing" column per row for each byte feature, the same information our normaliser's missing flags carry.
/// </summary>
public static class BaselineFeatures
{
    /// <summary>Stands for a missing value; every real feature is non-negative.</summary>
    public const float Missing = -1f;

    public static readonly int Width = WindowShape.Cells + (2 * WindowShape.Rows);

    public static void Write(ReadOnlySpan<float> window, Span<float> destination)
    {
        for (var cell = 0; cell < WindowShape.Cells; cell++)
        {
            var value = window[cell];
            destination[cell] = float.IsFinite(value) ? value : Missing;
        }

        for (var row = 0; row < WindowShape.Rows; row++)
        {
            var offset = row * WindowShape.Features;
            destination[WindowShape.Cells + (2 * row)] = float.IsNaN(window[offset + (int)WindowFeature.BytesSent]) ? 1f : 0f;
            destination[WindowShape.Cells + (2 * row) + 1] = float.IsNaN(window[offset + (int)WindowFeature.BytesReceived]) ? 1f : 0f;
        }
    }
}
