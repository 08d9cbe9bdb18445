using System.Collections.Concurrent;
using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>
/// A family and its children. The root is what registration returns: for an unlabelled family it is the only
/// series; for a labelled one it is a template that only hands out children.
/// </summary>
internal sealed class Family<TChild> : MetricFamily
    where TChild : class, IMetricChild
{
    // Keyed by label values; the alternate lookup finds existing children from a span without allocating.
    private readonly ConcurrentDictionary<string[], TChild> _children = new(LabelValuesComparer.Instance);
    private readonly ConcurrentDictionary<string[], TChild>.AlternateLookup<ReadOnlySpan<string>> _lookup;
    private readonly Func<Family<TChild>, bool, TChild> _create;

    public Family(
        string name,
        string help,
        MetricType type,
        string[] labelNames,
        double[]? buckets,
        Func<Family<TChild>, bool, TChild> create)
        : base(name, help, type, labelNames, buckets)
    {
        _lookup = _children.GetAlternateLookup<ReadOnlySpan<string>>();
        _create = create;
        Root = create(this, labelNames.Length > 0);
    }

    public TChild Root { get; }

    public TChild Child(TChild caller, ReadOnlySpan<string> labelValues)
    {
        if (LabelNames.Length == 0 && labelValues.Length == 0)
        {
            return Root;
        }

        if (!ReferenceEquals(caller, Root))
        {
            throw new InvalidOperationException($"'{Name}': WithLabels is called on the registered metric, not on a child.");
        }

        CheckLabelValues(labelValues);
        return _lookup.TryGetValue(labelValues, out var child)
            ? child
            : _children.GetOrAdd(labelValues.ToArray(), static (_, family) => family._create(family, false), this);
    }

    public bool Remove(ReadOnlySpan<string> labelValues)
    {
        CheckLabelValues(labelValues);
        return _lookup.TryRemove(labelValues, out _);
    }

    public override void Write(ExpositionWriter writer)
    {
        if (LabelNames.Length == 0)
        {
            writer.WriteHeader(this);
            Root.WriteSamples(writer, this, []);
            return;
        }

        var children = _children.ToArray();
        if (children.Length == 0)
        {
            return;
        }

        Array.Sort(children, (a, b) => LabelValuesComparer.Instance.Compare(a.Key, b.Key));
        writer.WriteHeader(this);
        foreach (var (labelValues, child) in children)
        {
            child.WriteSamples(writer, this, labelValues);
        }
    }

    private void CheckLabelValues(ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != LabelNames.Length)
        {
            throw new ArgumentException(
                $"'{Name}' has {LabelNames.Length} label(s) ({string.Join(", ", LabelNames)}) but {labelValues.Length} value(s) were given.",
                nameof(labelValues));
        }

        foreach (var value in labelValues)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(labelValues));
        }
    }
}
