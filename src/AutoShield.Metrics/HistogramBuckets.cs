namespace AutoShield.Metrics;

/// <summary>Checks a histogram's upper bounds once, at registration.</summary>
internal static class HistogramBuckets
{
    /// <summary>The bounds without a trailing <c>+Inf</c>, which exposition always adds.</summary>
    public static double[] Validate(string name, double[] buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var count = buckets.Length > 0 && double.IsPositiveInfinity(buckets[^1]) ? buckets.Length - 1 : buckets.Length;
        for (var i = 0; i < count; i++)
        {
            if (double.IsNaN(buckets[i]) || double.IsPositiveInfinity(buckets[i]) || (i > 0 && !(buckets[i] > buckets[i - 1])))
            {
                throw new ArgumentException(
                    $"histogram '{name}' needs strictly increasing finite bucket bounds; bound {i} is {buckets[i]}.",
                    nameof(buckets));
            }
        }

        return buckets[..count];
    }
}
