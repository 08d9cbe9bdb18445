using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>A value that goes up and down, such as queue depth or live connections.</summary>
public sealed class Gauge : LabelledMetric<Gauge>
{
    // Written with Volatile/Interlocked only, so readers never see a torn value and Inc/Dec are never lost.
    private double _value;

    internal Gauge(Family<Gauge> family, bool isTemplate)
        : base(family, isTemplate)
    {
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

    private protected override string KindName => "gauge";

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

    /// <summary>
    /// Stops exposing the child with these label values, e.g. for a pod that is gone. Returns whether it existed;
    /// a removed child that is still held keeps working but is no longer exposed.
    /// </summary>
    public bool Remove(params string[] labelValues) => Family.Remove(labelValues);

    private protected override void WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues) =>
        writer.WriteSample(family.Name, family.LabelNames, labelValues, Volatile.Read(ref _value));
}
