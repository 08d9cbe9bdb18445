namespace AutoShield.Metrics;

/// <summary>Checks metric and label names against the Prometheus data model.</summary>
internal static class MetricNames
{
    /// <summary>Metric names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    public static bool IsValidMetricName(string name) => IsValid(name, allowColon: true);

    /// <summary>Label names match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>; a leading <c>__</c> is reserved for Prometheus.</summary>
    public static bool IsValidLabelName(string name) =>
        IsValid(name, allowColon: false) && !name.StartsWith("__", StringComparison.Ordinal);

    private static bool IsValid(string name, bool allowColon)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && !(allowColon && c == ':'))
            {
                return false;
            }
        }

        return true;
    }
}
