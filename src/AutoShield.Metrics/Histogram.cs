using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>Counts observations, such as latencies, into cumulative buckets and keeps their sum and count.</summary>
public sealed class Histogram : IMetricChild
{
    private readonly Family<Histogram> _family;

    // The registered metric of a labelled family holds no series of its own; only its children observe.
    private readonly bool _isTemplate;

    // Shared by every child of the family: upper bounds (without +Inf) and their `le` spelling.
    private readonly double[] _upperBounds;
    private readonly string[] _le;

    // One non-cumulative count per bucket plus a last one for +Inf, each bumped with Interlocked.Increment.
    // The total count is their sum, so an exposition's _count always equals its +Inf bucket.
    private readonly long[] _counts;

    // Changed only through AtomicDouble.Add.
    private double _sum;

    internal Histogram(Family<Histogram> family, bool isTemplate, double[] upperBounds, string[] le)
    {
        _family = family;
        _isTemplate = isTemplate;
        _upperBounds = upperBounds;
        _le = le;
        _counts = isTemplate ? [] : new long[upperBounds.Length + 1];
    }

    /// <summary>Records one observation. Lock-free and allocation-free; NaN lands in the <c>+Inf</c> bucket.</summary>
    public void Observe(double value)
    {
        if (_isTemplate)
        {
            throw new InvalidOperationException(
                $"histogram '{_family.Name}' has labels ({string.Join(", ", _family.LabelNames)}); use WithLabels(...) first.");
        }

        // Bucket lists are short (tens), where a linear scan beats a binary search; `<=` because `le` is inclusive.
        var bucket = 0;
        while (bucket < _upperBounds.Length && !(value <= _upperBounds[bucket]))
        {
            bucket++;
        }

        Interlocked.Increment(ref _counts[bucket]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>The child for these label values, created on first use and the same instance afterwards.</summary>
    public Histogram WithLabels(params string[] values) => _family.Child(this, values);

    /// <summary>As <see cref="WithLabels(string[])"/> for one label, without allocating a params array.</summary>
    public Histogram WithLabels(string value) => _family.Child(this, new ReadOnlySpan<string>(in value));

    /// <summary>As <see cref="WithLabels(string[])"/> for two labels, without allocating a params array.</summary>
    public Histogram WithLabels(string first, string second) => _family.Child(this, [first, second]);

    /// <summary><paramref name="count"/> upper bounds starting at <paramref name="start"/>, each <paramref name="factor"/> times the last.</summary>
    public static double[] ExponentialBuckets(double start, double factor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var buckets = new double[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = start * Math.Pow(factor, i);
        }

        return buckets;
    }

    /// <summary><paramref name="count"/> upper bounds starting at <paramref name="start"/>, <paramref name="width"/> apart.</summary>
    public static double[] LinearBuckets(double start, double width, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var buckets = new double[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = start + (width * i);
        }

        return buckets;
    }

    void IMetricChild.WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues)
    {
        var cumulative = 0L;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            writer.WriteSample(family.Name + "_bucket", family.LabelNames, labelValues, cumulative, i < _le.Length ? _le[i] : "+Inf");
        }

        writer.WriteSample(family.Name + "_sum", family.LabelNames, labelValues, Volatile.Read(ref _sum));
        writer.WriteSample(family.Name + "_count", family.LabelNames, labelValues, cumulative);
    }
}
