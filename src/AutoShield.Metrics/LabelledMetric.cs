using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>
/// What every metric kind shares: its family, whether it is a labelled family's template, and handing out children.
/// </summary>
/// <typeparam name="TSelf">The metric kind itself, so that <c>WithLabels</c> returns that kind.</typeparam>
public abstract class LabelledMetric<TSelf> : IMetricChild
    where TSelf : LabelledMetric<TSelf>
{
    // The registered metric of a labelled family holds no series of its own; only its children do.
    private readonly bool _isTemplate;

    private protected LabelledMetric(Family<TSelf> family, bool isTemplate)
    {
        Family = family;
        _isTemplate = isTemplate;
    }

    private protected Family<TSelf> Family { get; }

    // How error messages name this kind ("counter 'x' has labels ...").
    private protected abstract string KindName { get; }

    /// <summary>The child for these label values, created on first use and the same instance afterwards.</summary>
    public TSelf WithLabels(params string[] values) => Family.Child((TSelf)this, values);

    /// <summary>As <see cref="WithLabels(string[])"/> for one label, without allocating a params array.</summary>
    public TSelf WithLabels(string value) => Family.Child((TSelf)this, new ReadOnlySpan<string>(in value));

    /// <summary>As <see cref="WithLabels(string[])"/> for two labels, without allocating a params array.</summary>
    public TSelf WithLabels(string first, string second) => Family.Child((TSelf)this, [first, second]);

    void IMetricChild.WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues) =>
        WriteSamples(writer, family, labelValues);

    private protected abstract void WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues);

    private protected void ThrowIfTemplate()
    {
        if (_isTemplate)
        {
            throw new InvalidOperationException(
                $"{KindName} '{Family.Name}' has labels ({string.Join(", ", Family.LabelNames)}); use WithLabels(...) first.");
        }
    }
}
