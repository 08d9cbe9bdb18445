namespace AutoShield.Detection.Training;

/// <summary>Empirical quantiles with linear interpolation between order statistics (numpy's default).</summary>
public static class Quantile
{
    public static float Of(ReadOnlySpan<float> values, float q)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("the quantile of no values is undefined", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((float)(position - lower) * (sorted[upper] - sorted[lower]));
    }
}
