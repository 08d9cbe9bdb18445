using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>A value that only goes up, such as events handled; exposed under a name ending in <c>_total</c>.</summary>
public sealed class Counter : IMetricChild
{
    private readonly Family<Counter> _family;

    // The registered metric of a labelled family holds no series of its own; only its children count.
    private readonly bool _isTemplate;

    // Changed only through AtomicDouble.Add, so concurrent increments are never lost.
    private double _value;

    internal Counter(Family<Counter> family, bool isTemplate)
    {
        _family = family;
        _isTemplate = isTemplate;
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

    /// <summary>Adds <paramref name="by"/>, which must be zero or more. Lock-free and allocation-free.</summary>
    public void Inc(double by = 1)
    {
        if (!(by >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, $"counter '{_family.Name}' can only increase.");
        }

        ThrowIfTemplate();
        AtomicDouble.Add(ref _value, by);
    }

    /// <summary>The child for these label values, created on first use and the same instance afterwards.</summary>
    public Counter WithLabels(params string[] values) => _family.Child(this, values);

    /// <summary>As <see cref="WithLabels(string[])"/> for one label, without allocating a params array.</summary>
    public Counter WithLabels(string value) => _family.Child(this, new ReadOnlySpan<string>(in value));

    /// <summary>As <see cref="WithLabels(string[])"/> for two labels, without allocating a params array.</summary>
    public Counter WithLabels(string first, string second) => _family.Child(this, [first, second]);

    void IMetricChild.WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues) =>
        writer.WriteSample(family.Name, family.LabelNames, labelValues, Volatile.Read(ref _value));

    private void ThrowIfTemplate()
    {
        if (_isTemplate)
        {
            throw new InvalidOperationException(
                $"counter '{_family.Name}' has labels ({string.Join(", ", _family.LabelNames)}); use WithLabels(...) first.");
        }
    }
}
