using System.Globalization;
using System.Net;
using System.Text;

namespace AutoShield.Detection.Evaluation;

/// <summary>
/// Renders an <see cref="EvalReport"/> as one self-contained HTML page (well-formed XHTML, no scripts, no external
/// style sheets): headline figures, per-class and per-label tables with the baseline beside the model, operating
/// points, and inline SVG plots (confusion matrix, ROC, precision-recall, latency histogram).
/// </summary>
public static class HtmlReport
{
    private const string ModelColor = "#1f5fbf";
    private const string BaselineColor = "#d0602a";

    public static string Render(EvalReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
            .Append("<title>AutoShield evaluation: ").Append(Encode(report.Model)).Append("</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}")
            .Append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eef}td.name,th.name{text-align:left}")
            .Append(".plots svg{margin:6px;border:1px solid #ddd;background:#fff}")
            .Append("</style></head><body>");
        html.Append("<h1>AutoShield evaluation</h1><p>Model <b>").Append(Encode(report.Model)).Append("</b> (")
            .Append(Encode(report.Architecture)).Append(", training data ").Append(Encode(Short(report.TrainingFingerprint))).Append(") on ")
            .Append(Encode(string.Join(", ", report.Sources))).Append(". Split: ").Append(Encode(report.Split.ToString().ToLowerInvariant()));
        if (report.Split != Data.SplitMode.None)
        {
            html.Append(CultureInfo.InvariantCulture, $", test fraction {report.TestFraction:0.##}, {report.TrainWindows} training windows, {report.PurgedWindows} test windows dropped for sharing connections with training windows");
        }

        html.Append(".</p>");
        Summary(html, report);
        ClassTable(html, report);
        LabelTable(html, report);
        OperatingPoints(html, report);
        Plots(html, report);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, EvalReport report)
    {
        html.Append("<h2>Summary</h2><table><tr><th class=\"name\">figure</th><th>model</th>");
        html.Append(report.Baseline is null ? "" : $"<th>{Encode(report.BaselineName ?? "baseline")}</th>").Append("</tr>");
        Row("windows scored", m => m.Windows.ToString(CultureInfo.InvariantCulture));
        Row("windows with a mapped class", m => m.ClassifiedWindows.ToString(CultureInfo.InvariantCulture));
        Row("accuracy", m => Percent(m.Accuracy));
        Row("macro-F1", m => Number(m.MacroF1));
        Row("detection rate (any attack flagged)", m => Percent(m.DetectionRate));
        Row("false-positive rate (benign flagged)", m => Percent(m.FalsePositiveRate));
        foreach (var key in report.FprAtDetectionRate.Keys)
        {
            Row($"FPR at {key} detection rate", m => Percent(m.FprAtDetectionRate.GetValueOrDefault(key)));
        }

        Row("ROC AUC", m => Number(m.RocAuc));
        Row("average precision", m => Number(m.AveragePrecision));
        if (report.Latency is { } latency)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"name\">latency per window (p50 / p99 / max)</td><td>{latency.P50Micros:0.0} / {latency.P99Micros:0.0} / {latency.MaxMicros:0.0} µs</td>{(report.Baseline is null ? "" : "<td>-</td>")}</tr>");
        }

        html.Append("</table>");

        void Row(string name, Func<EvalMetrics, string> value)
        {
            html.Append("<tr><td class=\"name\">").Append(Encode(name)).Append("</td><td>").Append(Encode(value(report))).Append("</td>");
            if (report.Baseline is { } baseline)
            {
                html.Append("<td>").Append(Encode(value(baseline))).Append("</td>");
            }

            html.Append("</tr>");
        }
    }

    private static void ClassTable(StringBuilder html, EvalReport report)
    {
        var withBaseline = report.Baseline is not null;
        html.Append("<h2>Per class</h2><table><tr><th class=\"name\">class</th><th>support</th><th>precision</th><th>recall</th><th>F1</th><th>detection rate</th>");
        html.Append(withBaseline ? "<th>baseline precision</th><th>baseline recall</th><th>baseline F1</th><th>baseline detection rate</th>" : "").Append("</tr>");
        foreach (var (name, metrics) in report.Classes)
        {
            html.Append("<tr><td class=\"name\">").Append(Encode(name)).Append("</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{metrics.Support}</td><td>{Number(metrics.Precision)}</td><td>{Number(metrics.Recall)}</td><td>{Number(metrics.F1)}</td><td>{Percent(metrics.DetectionRate)}</td>");
            if (withBaseline)
            {
                var other = report.Baseline!.Classes.GetValueOrDefault(name);
                html.Append(other is null
                    ? "<td>-</td><td>-</td><td>-</td><td>-</td>"
                    : $"<td>{Number(other.Precision)}</td><td>{Number(other.Recall)}</td><td>{Number(other.F1)}</td><td>{Percent(other.DetectionRate)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void LabelTable(StringBuilder html, EvalReport report)
    {
        html.Append("<h2>By original label</h2><p>Share of each label's windows flagged as any attack (ANOMALY included).</p>")
            .Append("<table><tr><th class=\"name\">label</th><th class=\"name\">class</th><th>windows</th><th>flagged</th>")
            .Append(report.Baseline is null ? "" : "<th>baseline flagged</th>").Append("</tr>");
        foreach (var (label, metrics) in report.ByLabel)
        {
            html.Append("<tr><td class=\"name\">").Append(Encode(label)).Append("</td><td class=\"name\">").Append(Encode(metrics.MappedClass ?? "(not mapped)"))
                .Append(CultureInfo.InvariantCulture, $"</td><td>{metrics.Windows}</td><td>{Percent(metrics.DetectionRate)}</td>");
            if (report.Baseline is { } baseline)
            {
                html.Append("<td>").Append(Percent(baseline.ByLabel.GetValueOrDefault(label)?.DetectionRate)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void OperatingPoints(StringBuilder html, EvalReport report)
    {
        html.Append("<h2>Detection rate at a fixed false-positive rate</h2><p>Attack-score threshold chosen on the benign windows; a window is flagged when it scores above it.</p>")
            .Append("<table><tr><th>target FPR</th><th>threshold</th><th>FPR</th><th>all attacks</th><th class=\"name\">per class</th></tr>");
        foreach (var point in report.DetectionAtFpr)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Percent(point.TargetFpr)}</td><td>{point.Threshold:0.#####}</td><td>{Percent(point.Fpr)}</td><td>{Percent(point.DetectionRate)}</td><td class=\"name\">")
                .Append(Encode(string.Join(", ", point.DetectionRateByClass.Select(kv => $"{kv.Key} {Percent(kv.Value)}")))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Plots(StringBuilder html, EvalReport report)
    {
        html.Append("<h2>Plots</h2><div class=\"plots\">");
        html.Append(SvgPlot.Heatmap("Confusion matrix (model)", report.Confusion));
        var roc = new List<(string, IReadOnlyList<CurvePoint>, string)> { ("model", report.Roc, ModelColor) };
        var pr = new List<(string, IReadOnlyList<CurvePoint>, string)> { ("model", report.PrecisionRecall, ModelColor) };
        if (report.Baseline is { } baseline)
        {
            roc.Add((report.BaselineName ?? "baseline", baseline.Roc, BaselineColor));
            pr.Add((report.BaselineName ?? "baseline", baseline.PrecisionRecall, BaselineColor));
        }

        html.Append(SvgPlot.Lines("ROC: attack vs benign", "false-positive rate", "detection rate", roc));
        html.Append(SvgPlot.Lines("Precision-recall", "recall", "precision", pr));
        if (report.Latency is { } latency)
        {
            html.Append(SvgPlot.Histogram("Latency per window", latency));
        }

        html.Append("</div>");
    }

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "-";

    private static string Number(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
