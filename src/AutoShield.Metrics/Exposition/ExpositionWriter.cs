using System.Text;

namespace AutoShield.Metrics.Exposition;

/// <summary>Builds Prometheus text exposition format 0.0.4, one family header and sample line at a time.</summary>
internal sealed class ExpositionWriter
{
    private readonly StringBuilder _text = new();

    public void WriteHeader(MetricFamily family)
    {
        _text.Append("# HELP ").Append(family.Name).Append(' ');
        Escaping.AppendHelp(_text, family.Help);
        _text.Append("\n# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');
    }

    /// <summary>One sample line; <paramref name="le"/> is the extra bucket label of histogram buckets.</summary>
    public void WriteSample(string name, string[] labelNames, string[] labelValues, double value, string? le = null)
    {
        _text.Append(name);
        if (labelNames.Length > 0 || le is not null)
        {
            _text.Append('{');
            for (var i = 0; i < labelNames.Length; i++)
            {
                AppendLabel(i == 0 ? "" : ",", labelNames[i], labelValues[i]);
            }

            if (le is not null)
            {
                AppendLabel(labelNames.Length == 0 ? "" : ",", "le", le);
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(SampleValue.Format(value)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    private void AppendLabel(string separator, string name, string value)
    {
        _text.Append(separator).Append(name).Append("=\"");
        Escaping.AppendLabelValue(_text, value);
        _text.Append('"');
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown metric type"),
    };
}
