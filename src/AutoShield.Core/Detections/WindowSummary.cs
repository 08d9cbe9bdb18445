using AutoShield.Core.Windows;

namespace AutoShield.Core.Detections;

/// <summary>
/// Turns a window matrix into the one number per feature that policies compare (<c>features.bytes_sent &gt;
/// 10000000</c>): totals over the window's real rows for bytes and TCP flags, means for duration and inter-arrival,
/// and the newest row for the features that already describe the pair so far (rate, spread, failed ratio,
/// distinct ports). Padding rows are ignored. Bytes are left out when any real row lacks them, since a partial
/// total would understate the traffic. Also gives <c>window_rows</c>, the number of real rows.
/// </summary>
public static class WindowSummary
{
    public const string WindowRows = "window_rows";

    /// <summary>Summarises a row-major <see cref="WindowShape.Rows"/> x <see cref="WindowShape.Features"/> matrix whose last <paramref name="rowCount"/> rows are real.</summary>
    public static Dictionary<string, double> Summarize(ReadOnlySpan<float> matrix, int rowCount)
    {
        if (matrix.Length != WindowShape.Cells)
        {
            throw new ArgumentException($"a window has {WindowShape.Cells} cells, got {matrix.Length}", nameof(matrix));
        }

        rowCount = Math.Clamp(rowCount, 0, WindowShape.Rows);
        var result = new Dictionary<string, double>(WindowShape.Features + 1, StringComparer.Ordinal)
        {
            [WindowRows] = rowCount,
        };
        if (rowCount == 0)
        {
            return result;
        }

        var first = WindowShape.Rows - rowCount;
        var newest = matrix.Slice((WindowShape.Rows - 1) * WindowShape.Features, WindowShape.Features);
        for (var f = 0; f < WindowShape.Features; f++)
        {
            var feature = (WindowFeature)f;
            double? value = feature switch
            {
                WindowFeature.ConnectionRate or WindowFeature.InterArrivalSpread or WindowFeature.FailedRatio
                    or WindowFeature.DistinctPorts => newest[f],
                WindowFeature.Duration or WindowFeature.InterArrival => Total(matrix, first, f) / rowCount,
                _ => Total(matrix, first, f),
            };
            if (value is { } v && double.IsFinite(v))
            {
                result[WindowShape.FeatureNames[f]] = v;
            }
        }

        return result;
    }

    private static double Total(ReadOnlySpan<float> matrix, int firstRow, int feature)
    {
        var total = 0d;
        for (var row = firstRow; row < WindowShape.Rows; row++)
        {
            total += matrix[(row * WindowShape.Features) + feature];
        }

        return total;
    }
}
