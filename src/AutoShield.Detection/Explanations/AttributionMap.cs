using AutoShield.Core.Windows;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// How much each part of a raw window pushed the model towards one class: per feature and per row, and, for methods
/// that measure it, per cell (row × feature). Missing-value flag columns are folded into the feature they flag, so
/// everything is in the 12 raw features' terms.
/// </summary>
public sealed class AttributionMap
{
    internal AttributionMap(string method, int targetClass, int rowCount, float[]? cells, double[] features, double[] rows, float score, float baselineScore)
    {
        Method = method;
        TargetClass = targetClass;
        RowCount = rowCount;
        Cells = cells;
        Features = features;
        Rows = rows;
        Score = score;
        BaselineScore = baselineScore;
    }

    /// <summary>"integrated-gradients", "occlusion" or "reconstruction-error".</summary>
    public string Method { get; }

    /// <summary>The class index explained (the anomaly explanation uses -1).</summary>
    public int TargetClass { get; }

    /// <summary>Real rows of the window; padding rows (the first <c>Rows - RowCount</c>) carry no attribution.</summary>
    public int RowCount { get; }

    /// <summary><see cref="WindowShape.Cells"/> row-major attributions, or null when the method has no per-cell view (occlusion).</summary>
    public float[]? Cells { get; }

    /// <summary>One attribution per feature, in <see cref="WindowFeature"/> order.</summary>
    public IReadOnlyList<double> Features { get; }

    /// <summary>One attribution per row, 0 oldest to 19 newest.</summary>
    public IReadOnlyList<double> Rows { get; }

    /// <summary>The explained quantity on the window: the target class's logit, or the anomaly score.</summary>
    public float Score { get; }

    /// <summary>The same quantity on the reference the attributions are measured against (the baseline window).</summary>
    public float BaselineScore { get; }

    /// <summary>Sum of the per-feature attributions.</summary>
    public double Total => Features.Sum();

    /// <summary>Feature indices ordered by attribution, strongest push towards the class first.</summary>
    public int[] TopFeatures(int count) => Enumerable.Range(0, WindowShape.Features)
        .OrderByDescending(f => Features[f]).ThenBy(f => f).Take(count).ToArray();

    /// <summary>Row indices ordered by attribution, strongest first; only real rows.</summary>
    public int[] TopRows(int count) => Enumerable.Range(WindowShape.Rows - RowCount, RowCount)
        .OrderByDescending(r => Rows[r]).ThenByDescending(r => r).Take(count).ToArray();

    internal static AttributionMap FromCells(string method, int targetClass, int rowCount, float[] cells, float score, float baselineScore)
    {
        var features = new double[WindowShape.Features];
        var rows = new double[WindowShape.Rows];
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            for (var f = 0; f < WindowShape.Features; f++)
            {
                var value = cells[(r * WindowShape.Features) + f];
                features[f] += value;
                rows[r] += value;
            }
        }

        return new AttributionMap(method, targetClass, rowCount, cells, features, rows, score, baselineScore);
    }
}
