using System.Text;
using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>
/// Declares metric families and writes them in the Prometheus text exposition format 0.0.4. Registration is
/// idempotent for the same name, type and labels, so components can declare what they use independently.
/// </summary>
public sealed class MetricsRegistry
{
    /// <summary>The Content-Type header value for <see cref="WriteTo"/> output.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Guards _families, _sampleNames and _callbacks; the metrics themselves never take it.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);

    // Every sample name in use (a histogram claims _bucket, _sum, _count), so two families never write the same one.
    private readonly Dictionary<string, MetricFamily> _sampleNames = new(StringComparer.Ordinal);
    private readonly List<Action> _callbacks = [];

    /// <summary>A counter; <c>_total</c> is appended to <paramref name="name"/> unless it already ends so.</summary>
    public Counter Counter(string name, string help, params string[] labelNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        var total = name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total";
        return Register<Counter>(total, help, MetricType.Counter, labelNames, null, static (family, isTemplate) => new Counter(family, isTemplate)).Root;
    }

    /// <summary>A gauge.</summary>
    public Gauge Gauge(string name, string help, params string[] labelNames) =>
        Register<Gauge>(name, help, MetricType.Gauge, labelNames, null, static (family, isTemplate) => new Gauge(family, isTemplate)).Root;

    /// <summary>
    /// A histogram with these strictly increasing upper bounds; <c>+Inf</c> is always added (and may be given).
    /// </summary>
    public Histogram Histogram(string name, string help, double[] buckets, params string[] labelNames)
    {
        var bounds = HistogramBuckets.Validate(name, buckets);
        var le = Array.ConvertAll(bounds, SampleValue.Format);
        return Register<Histogram>(name, help, MetricType.Histogram, labelNames, bounds, (family, isTemplate) => new Histogram(family, isTemplate, bounds, le)).Root;
    }

    /// <summary>Runs <paramref name="callback"/> before every exposition, e.g. to set gauges from live state.</summary>
    public void CollectCallback(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _callbacks.Add(callback);
        }
    }

    /// <summary>The exposition as text, families sorted by name and series by label values.</summary>
    public string Expose()
    {
        Action[] callbacks;
        MetricFamily[] families;
        lock (_gate)
        {
            callbacks = [.. _callbacks];
            families = [.. _families.Values];
        }

        // Outside the lock: a callback may itself register or update metrics.
        foreach (var callback in callbacks)
        {
            callback();
        }

        Array.Sort(families, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var writer = new ExpositionWriter();
        foreach (var family in families)
        {
            family.Write(writer);
        }

        return writer.ToString();
    }

    /// <summary>Writes the exposition to <paramref name="stream"/> as UTF-8.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Utf8.GetBytes(Expose()));
    }

    /// <summary>Writes the exposition to <paramref name="stream"/> as UTF-8 without blocking on the stream.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(Utf8.GetBytes(Expose()), cancellationToken);
    }

    private Family<TChild> Register<TChild>(
        string name,
        string help,
        MetricType type,
        string[] labelNames,
        double[]? buckets,
        Func<Family<TChild>, bool, TChild> create)
        where TChild : class, IMetricChild
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(help);
        ArgumentNullException.ThrowIfNull(labelNames);
        CheckNames(name, type, labelNames);
        lock (_gate)
        {
            if (_families.TryGetValue(name, out var existing))
            {
                return existing.HasSameShape(type, labelNames, buckets) && existing is Family<TChild> same
                    ? same
                    : throw new ArgumentException(
                        $"metric '{name}' is already registered as {Describe(existing.Type, existing.LabelNames, existing.Buckets)}; " +
                        $"cannot register it as {Describe(type, labelNames, buckets)}.",
                        nameof(name));
            }

            var family = new Family<TChild>(name, help, type, [.. labelNames], buckets, create);
            foreach (var sampleName in family.ClaimedNames)
            {
                if (_sampleNames.TryGetValue(sampleName, out var clash))
                {
                    throw new ArgumentException(
                        $"metric '{name}' would write samples named '{sampleName}', which '{clash.Name}' already writes.",
                        nameof(name));
                }
            }

            foreach (var sampleName in family.ClaimedNames)
            {
                _sampleNames[sampleName] = family;
            }

            _families.Add(name, family);
            return family;
        }
    }

    private static void CheckNames(string name, MetricType type, string[] labelNames)
    {
        if (!MetricNames.IsValidMetricName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid metric name: it must match [a-zA-Z_:][a-zA-Z0-9_:]*.", nameof(name));
        }

        for (var i = 0; i < labelNames.Length; i++)
        {
            var label = labelNames[i];
            if (!MetricNames.IsValidLabelName(label))
            {
                throw new ArgumentException(
                    $"'{label}' is not a valid label name for '{name}': it must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __.",
                    nameof(labelNames));
            }

            if (type == MetricType.Histogram && label == "le")
            {
                throw new ArgumentException($"histogram '{name}' cannot use the label 'le': it names the bucket.", nameof(labelNames));
            }

            if (Array.IndexOf(labelNames, label, 0, i) >= 0)
            {
                throw new ArgumentException($"metric '{name}' lists the label '{label}' twice.", nameof(labelNames));
            }
        }
    }

    private static string Describe(MetricType type, string[] labelNames, double[]? buckets) =>
        $"a {type.ToString().ToLowerInvariant()} with labels [{string.Join(", ", labelNames)}]" +
        (buckets is null ? "" : $" and buckets [{string.Join(", ", Array.ConvertAll(buckets, SampleValue.Format))}]");
}
