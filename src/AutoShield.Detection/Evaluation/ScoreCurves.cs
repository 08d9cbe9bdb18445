namespace AutoShield.Detection.Evaluation;

/// <summary>
/// Threshold curves of attack scores against benign (negative) and attack (positive) truth: ROC, precision-recall,
/// their areas, and the thresholds that meet a detection-rate or false-positive-rate target. A window is flagged
/// when its score is strictly above the threshold.
/// </summary>
internal static class ScoreCurves
{
    private const int MaxPoints = 200;

    /// <summary>FPR at the highest threshold that still flags <paramref name="detectionRate"/> of the positives; null without both sides.</summary>
    public static double? FprAtDetectionRate(float[] negatives, float[] positives, double detectionRate)
    {
        if (negatives.Length == 0 || positives.Length == 0)
        {
            return null;
        }

        var descending = positives.OrderDescending().ToArray();
        var needed = Math.Max(1, (int)Math.Ceiling(detectionRate * descending.Length));

        // Flag the `needed` highest positives: the threshold sits just under the needed-th score.
        var threshold = descending[needed - 1];
        return (double)negatives.Count(s => s >= threshold) / negatives.Length;
    }

    /// <summary>The lowest threshold at which at most <paramref name="targetFpr"/> of negatives score above it.</summary>
    public static float ThresholdAtFpr(float[] negatives, double targetFpr)
    {
        if (negatives.Length == 0)
        {
            return 0f;
        }

        var descending = negatives.OrderDescending().ToArray();
        var allowed = (int)Math.Floor(targetFpr * descending.Length);
        // Scores lie in [0, 1]: -1 flags everything.
        return allowed >= descending.Length ? -1f : descending[allowed];
    }

    public static (List<CurvePoint> Roc, List<CurvePoint> Pr, double? Auc, double? AveragePrecision) Curves(float[] negatives, float[] positives)
    {
        var roc = new List<CurvePoint>();
        var pr = new List<CurvePoint>();
        if (negatives.Length == 0 || positives.Length == 0)
        {
            return (roc, pr, null, null);
        }

        var all = negatives.Select(s => (Score: s, Positive: false)).Concat(positives.Select(s => (Score: s, Positive: true)))
            .OrderByDescending(p => p.Score).ToArray();
        var full = new List<(double Fpr, double Tpr, double Precision, double Threshold)> { (0, 0, 1, double.PositiveInfinity) };
        int tp = 0, fp = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Positive)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            // Tied scores share one threshold: emit a point only after the last of a tie.
            if (i + 1 < all.Length && all[i + 1].Score == all[i].Score)
            {
                continue;
            }

            full.Add(((double)fp / negatives.Length, (double)tp / positives.Length, (double)tp / (tp + fp), all[i].Score));
        }

        double auc = 0, averagePrecision = 0;
        for (var i = 1; i < full.Count; i++)
        {
            auc += (full[i].Fpr - full[i - 1].Fpr) * (full[i].Tpr + full[i - 1].Tpr) / 2;
            averagePrecision += (full[i].Tpr - full[i - 1].Tpr) * full[i].Precision;
        }

        var step = Math.Max(1, full.Count / MaxPoints);
        for (var i = 0; i < full.Count; i += step)
        {
            Add(full[i]);
        }

        if ((full.Count - 1) % step != 0)
        {
            Add(full[^1]);
        }

        return (roc, pr, auc, averagePrecision);

        void Add((double Fpr, double Tpr, double Precision, double Threshold) point)
        {
            var threshold = double.IsInfinity(point.Threshold) ? 1.0 : point.Threshold;
            roc.Add(new CurvePoint(point.Fpr, point.Tpr, threshold));
            pr.Add(new CurvePoint(point.Tpr, point.Precision, threshold));
        }
    }
}
