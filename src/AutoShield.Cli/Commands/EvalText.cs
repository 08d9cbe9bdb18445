using System.Globalization;
using AutoShield.Detection.Evaluation;

namespace AutoShield.Cli.Commands;

/// <summary>The text form of an evaluation report: headline figures, the per-class table and the labels.</summary>
internal static class EvalText
{
    public static void Write(TextWriter writer, EvalReport report)
    {
        var baseline = report.Baseline;
        writer.WriteLine(Invariant($"{report.Windows:N0} windows ({report.ClassifiedWindows:N0} with a class), split {report.Split.ToString().ToLowerInvariant()}, {report.PurgedWindows:N0} purged"));
        writer.WriteLine(Invariant($"accuracy {report.Accuracy:0.0000}  macro-F1 {report.MacroF1:0.0000}  detection rate {report.DetectionRate:P2}  FPR {report.FalsePositiveRate:P2}")
            + (baseline is null ? "" : Invariant($"   | {report.BaselineName}: accuracy {baseline.Accuracy:0.0000}  macro-F1 {baseline.MacroF1:0.0000}  detection rate {baseline.DetectionRate:P2}  FPR {baseline.FalsePositiveRate:P2}")));
        writer.WriteLine("FPR at detection rate: " + string.Join(", ", report.FprAtDetectionRate.Select(kv => Invariant($"{kv.Key}: {kv.Value:P3}"))));
        foreach (var point in report.DetectionAtFpr)
        {
            writer.WriteLine(Invariant($"at FPR <= {point.TargetFpr:P1} (threshold {point.Threshold:0.####}): detection {point.DetectionRate:P2}; ")
                + string.Join(", ", point.DetectionRateByClass.Select(kv => Invariant($"{kv.Key} {kv.Value:P2}"))));
        }

        writer.WriteLine(Invariant($"{"class",-20} {"support",8} {"precision",9} {"recall",8} {"f1",8} {"detected",9}") + (baseline is null ? "" : "   baseline p / r / f1"));
        foreach (var (name, m) in report.Classes)
        {
            var other = baseline?.Classes.GetValueOrDefault(name);
            writer.WriteLine(Invariant($"{name,-20} {m.Support,8} {m.Precision,9:0.0000} {m.Recall,8:0.0000} {m.F1,8:0.0000} {(m.DetectionRate is { } d ? d.ToString("P2", CultureInfo.InvariantCulture) : "-"),9}")
                + (other is null ? "" : Invariant($"   {other.Precision:0.0000} / {other.Recall:0.0000} / {other.F1:0.0000}")));
        }

        writer.WriteLine("by label (share flagged as any attack):");
        foreach (var (label, m) in report.ByLabel)
        {
            writer.WriteLine(Invariant($"  {label,-28} {m.Windows,8} windows  {m.DetectionRate:P2}")
                + (baseline?.ByLabel.GetValueOrDefault(label) is { } b ? Invariant($"   baseline {b.DetectionRate:P2}") : ""));
        }

        if (report.Latency is { } latency)
        {
            writer.WriteLine(Invariant($"latency per window: mean {latency.MeanMicros:0.0} µs, p50 {latency.P50Micros:0.0} µs, p99 {latency.P99Micros:0.0} µs"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
