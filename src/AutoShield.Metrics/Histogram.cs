using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>Counts observations, such as latencies, into cumulative buckets and keeps their sum and count.</summary>
public sealed class Histogram : LabelledMetric<Histogram>
{
    // Shared by every child of the family: upper bounds (without +Inf) and their `le` spelling.
    private readonly double[] _upperBounds;
    private readonly string[] _le;

    // One non-cumulative count per bucket plus a last one for +Inf, each bumped with Interlocked.Increment.
    // The total count is their sum, so an exposition's _count always equals its +Inf bucket.
    private readonly long[] _counts;

    // Changed only through AtomicDouble.Add.
    private double _sum;

    internal Histogram(Family<Histogram> family, bool isTemplate, double[] upperBounds, string[] le)
        : base(family, isTemplate)
    {
        _upperBounds = upperBounds;
        _le = le;
        _counts = isTemplate ? [] : new long[upperBounds.Length + 1];
    }

    /// <summary>Records one observation. Lock-free and allocation-free; NaN lands in the <c>+Inf</c> bucket.</summary>
    public void Observe(double value)
    {
        ThrowIfTemplate();

        // Bucket lists are short (tens), where a linear scan beats a binary search; `<=` because `le` is inclusive.
        var bucket = 0;
        while (bucket < _upperBounds.Length && !(value <= _upperBounds[bucket]))
        {
            bucket++;
        }

        Interlocked.Increment(ref _counts[bucket]);
        AtomicDouble.Add(ref _sum, value);
    }

    private protected override string KindName => "histogram";

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

    private protected override void WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues)
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
