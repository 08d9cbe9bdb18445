using AutoShield.Core.Detections;
using AutoShield.Core.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// C2_BEACON from timing alone: a pair to a destination outside the cluster whose connections start at a regular
/// interval (mean gap within the period range, coefficient of variation at most the maximum spread, over enough
/// gaps). Reads only the window's own inter-arrival column, so it works on Hubble input without bytes; the
/// pair-first row's gap (0) is left out. Stateless and allocation-free.
/// </summary>
public sealed class PeriodicityRule
{
    public const string MethodName = "periodicity";

    private readonly PeriodicityRuleOptions _options;

    public PeriodicityRule(PeriodicityRuleOptions options)
    {
        options.Validate();
        _options = options;
    }

    public PeriodicityVerdict Evaluate(ReadOnlySpan<float> matrix, int rowCount, in WindowTraits traits)
    {
        if (!traits.DestinationExternal)
        {
            return default;
        }

        rowCount = Math.Clamp(rowCount, 0, WindowShape.Rows);
        var first = WindowShape.Rows - rowCount + (traits.StartsWithFirstConnection(rowCount) ? 1 : 0);
        var intervals = WindowShape.Rows - first;
        if (intervals < _options.MinIntervals)
        {
            return default;
        }

        double sum = 0, sumSquares = 0;
        for (var row = first; row < WindowShape.Rows; row++)
        {
            double gap = matrix[(row * WindowShape.Features) + (int)WindowFeature.InterArrival];
            if (!double.IsFinite(gap))
            {
                return default;
            }

            sum += gap;
            sumSquares += gap * gap;
        }

        var mean = sum / intervals;
        if (mean < _options.MinPeriod.TotalSeconds || mean > _options.MaxPeriod.TotalSeconds)
        {
            return default;
        }

        var spread = Math.Sqrt(Math.Max(0, (sumSquares / intervals) - (mean * mean)));
        var variation = spread / mean;
        if (variation > _options.MaxSpread)
        {
            return default;
        }

        // Twice as regular as the limit, or twice the gaps, each count as twice the threshold.
        var margin = Math.Min((double)intervals / _options.MinIntervals, _options.MaxSpread / Math.Max(variation, 1e-3));
        return new PeriodicityVerdict(true, FanOutRules.Confidence(Math.Max(1, margin)), intervals, mean, spread);
    }

    /// <summary>The sentence and attributions of a beacon detection, from the window's own gaps.</summary>
    public Explanation Explain(PeriodicityVerdict verdict, in WindowTraits traits)
    {
        var period = Explanations.Quantity.Seconds(verdict.MeanSeconds);
        var spread = Explanations.Quantity.Seconds(verdict.SpreadSeconds);
        var sentence = FormattableString.Invariant(
            $"{verdict.Intervals + 1} connections to an address outside the cluster (port {traits.DestinationPort}) started every {period} on average, spread {spread} ({verdict.Variation * 100:F0} % of the period, limit {_options.MaxSpread * 100:F0} %): a regular check-in");
        return new Explanation(
            sentence,
            [
                new FeatureAttribution("periodic_intervals", -1, (double)verdict.Intervals / _options.MinIntervals, verdict.Intervals),
                new FeatureAttribution("periodic_mean_seconds", -1, 1, verdict.MeanSeconds),
                new FeatureAttribution("periodic_variation", -1, _options.MaxSpread / Math.Max(verdict.Variation, 1e-3), verdict.Variation),
            ],
            MethodName);
    }
}
