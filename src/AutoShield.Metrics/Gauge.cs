using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>A value that goes up and down, such as queue depth or live connections.</summary>
public sealed class Gauge : IMetricChild
{
    private readonly Family<Gauge> _family;

    // The registered metric of a labelled family holds no series of its own; only its children do.
    private readonly bool _isTemplate;

    // Written with Volatile/Interlocked only, so readers never see a torn value and Inc/Dec are never lost.
    private double _value;

    internal Gauge(Family<Gauge> family, bool isTemplate)
    {
        _family = family;
        _isTemplate = isTemplate;
    }

    /// <summary>The current value.</summary>
    public double Value
    {
        get
        {
            ThrowIfTemplate();
            return Volatile.Read(ref _value);
        }
    }

    /// <summary>Replaces the value.</summary>
    public void Set(double value)
    {
        ThrowIfTemplate();
        Interlocked.Exchange(ref _value, value);
    }

    /// <summary>Adds <paramref name="by"/> (which may be negative). Lock-free and allocation-free.</summary>
    public void Inc(double by = 1)
    {
        ThrowIfTemplate();
        AtomicDouble.Add(ref _value, by);
    }

    /// <summary>Subtracts <paramref name="by"/>.</summary>
    public void Dec(double by = 1) => Inc(-by);

    /// <summary>The child for these label values, created on first use and the same instance afterwards.</summary>
    public Gauge WithLabels(params string[] values) => _family.Child(this, values);

    /// <summary>As <see cref="WithLabels(string[])"/> for one label, without allocating a params array.</summary>
    public Gauge WithLabels(string value) => _family.Child(this, new ReadOnlySpan<string>(in value));

    /// <summary>As <see cref="WithLabels(string[])"/> for two labels, without allocating a params array.</summary>
    public Gauge WithLabels(string first, string second) => _family.Child(this, [first, second]);

    /// <summary>
    /// Stops exposing the child with these label values, e.g. for a pod that is gone. Returns whether it existed;
    /// a removed child that is still held keeps working but is no longer exposed.
    /// </summary>
    public bool Remove(params string[] labelValues) => _family.Remove(labelValues);

    void IMetricChild.WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues) =>
        writer.WriteSample(family.Name, family.LabelNames, labelValues, Volatile.Read(ref _value));

    private void ThrowIfTemplate()
    {
        if (_isTemplate)
        {
            throw new InvalidOperationException(
                $"gauge '{_family.Name}' has labels ({string.Join(", ", _family.LabelNames)}); use WithLabels(...) first.");
        }
    }
}
