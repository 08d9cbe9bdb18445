using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>A value that only goes up, such as events handled; exposed under a name ending in <c>_total</c>.</summary>
public sealed class Counter : LabelledMetric<Counter>
{
    // Changed only through AtomicDouble.Add, so concurrent increments are never lost.
    private double _value;

    internal Counter(Family<Counter> family, bool isTemplate)
        : base(family, isTemplate)
    {
    }

    /// <summary>The current total.</summary>
    public double Value
    {
        get
        {
            ThrowIfTemplate();
            return Volatile.Read(ref _value);
        }
    }

    private protected override string KindName => "counter";

    /// <summary>Adds <paramref name="by"/>, which must be zero or more. Lock-free and allocation-free.</summary>
    public void Inc(double by = 1)
    {
        if (!(by >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, $"counter '{Family.Name}' can only increase.");
        }

        ThrowIfTemplate();
        AtomicDouble.Add(ref _value, by);
    }

    private protected override void WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues) =>
        writer.WriteSample(family.Name, family.LabelNames, labelValues, Volatile.Read(ref _value));
}
