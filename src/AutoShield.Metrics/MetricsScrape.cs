using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>
/// Prometheus text exposition read back into samples, for tests to assert on and dashboards to show.
/// Malformed text throws <see cref="FormatException"/> naming the line: it is our own output, so a bad line is a bug.
/// </summary>
public sealed class MetricsScrape
{
    private MetricsScrape(IReadOnlyList<MetricSample> samples, IReadOnlyDictionary<string, string> help, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Help = help;
        Types = types;
    }

    /// <summary>Every sample, in the order written.</summary>
    public IReadOnlyList<MetricSample> Samples { get; }

    /// <summary>Unescaped help text by family name.</summary>
    public IReadOnlyDictionary<string, string> Help { get; }

    /// <summary>The <c># TYPE</c> of each family that declared one (counter, gauge, histogram, ...).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static MetricsScrape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<MetricSample>();
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (trimmed[0] == '#')
            {
                ExpositionLine.ReadComment(trimmed, lineNumber, help, types);
                continue;
            }

            samples.Add(ExpositionLine.ReadSample(trimmed, lineNumber));
        }

        return new MetricsScrape(samples, help, types);
    }

    /// <summary>
    /// The value of the sample with this name and exactly these labels, given as name, value, name, value...;
    /// throws <see cref="KeyNotFoundException"/> listing what there is when none matches.
    /// </summary>
    public double Value(string name, params string[] labelPairs)
    {
        ArgumentNullException.ThrowIfNull(labelPairs);
        if (labelPairs.Length % 2 != 0)
        {
            throw new ArgumentException("labels come in name, value pairs.", nameof(labelPairs));
        }

        foreach (var sample in Samples)
        {
            if (sample.Name == name && HasExactly(sample.Labels, labelPairs))
            {
                return sample.Value;
            }
        }

        var seen = Samples.Where(s => s.Name == name).Select(s => "{" + string.Join(",", s.Labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}");
        throw new KeyNotFoundException($"no sample '{name}' with labels [{string.Join(", ", labelPairs)}]; samples of that name: {string.Join(" ", seen)}");
    }

    private static bool HasExactly(IReadOnlyDictionary<string, string> labels, string[] labelPairs)
    {
        if (labels.Count * 2 != labelPairs.Length)
        {
            return false;
        }

        for (var i = 0; i < labelPairs.Length; i += 2)
        {
            if (!labels.TryGetValue(labelPairs[i], out var value) || value != labelPairs[i + 1])
            {
                return false;
            }
        }

        return true;
    }
}
