namespace AutoShield.Metrics;

/// <summary>
/// Compares label-value tuples by content, and lets a span of values find a stored array so that looking up an
/// existing child allocates nothing.
/// </summary>
internal sealed class LabelValuesComparer
    : IEqualityComparer<string[]>, IAlternateEqualityComparer<ReadOnlySpan<string>, string[]>, IComparer<string[]>
{
    public static readonly LabelValuesComparer Instance = new();

    public bool Equals(string[]? x, string[]? y) => x is null ? y is null : y is not null && Equals(x.AsSpan(), y);

    public int GetHashCode(string[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<string> alternate, string[] other) =>
        alternate.SequenceEqual(other, StringComparer.Ordinal);

    public int GetHashCode(ReadOnlySpan<string> alternate)
    {
        var hash = new HashCode();
        foreach (var value in alternate)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    // Called by the alternate lookup when it adds a key; a copy, so the caller's span cannot change a stored key.
    public string[] Create(ReadOnlySpan<string> alternate) => alternate.ToArray();

    /// <summary>Orders tuples value by value, ordinally, for deterministic exposition.</summary>
    public int Compare(string[]? x, string[]? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var order = string.CompareOrdinal(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
