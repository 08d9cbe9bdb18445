using System.Text.Json;
using System.Xml.Linq;
using AutoShield.Core.Detections;
using AutoShield.Detection.Data;
using AutoShield.Detection.Evaluation;
using AutoShield.Detection.Tests.Data;

namespace AutoShield.Detection.Tests.Evaluation;

public sealed class HtmlReportTests
{
    private static EvalReport Report()
    {
        var data = TestDatasets.Labelled("BENIGN", "BENIGN", "PortScan", "Web Attack - XSS <script>", "PortScan");
        var scored = new ScoredWindows(
            [AttackClass.Benign, AttackClass.Anomaly, AttackClass.PortScan, AttackClass.Benign, AttackClass.PortScan],
            [0.1f, 0.6f, 0.9f, 0.2f, 0.7f],
            [12.5, 14.0, 15.5, 230.0, 13.0]);
        var metrics = MetricsCalculator.Compute(data, data.All(), scored);
        return new EvalReport(metrics)
        {
            Model = "models/test & co",
            Architecture = "cnn-lstm",
            TrainingFingerprint = "abcdef0123456789",
            Sources = ["a.csv"],
            Split = SplitMode.Time,
            TestFraction = 0.3,
            BaselineName = "random-forest",
            Baseline = metrics with { Latency = null },
        };
    }

    [Fact]
    public void Render_Report_IsWellFormedXhtmlWithFourSvgPlots()
    {
        var html = HtmlReport.Render(Report());

        var document = XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal));
        XNamespace svg = "http://www.w3.org/2000/svg";
        var plots = document.Descendants(svg + "svg").ToList();
        Assert.Equal(4, plots.Count);
        Assert.Contains(plots, p => p.Descendants(svg + "polyline").Any());
        Assert.Contains(plots, p => (string?)p.Attribute("aria-label") == "Latency per window");
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("random-forest", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Report_SnakeCaseTopLevelMetrics()
    {
        using var json = JsonDocument.Parse(EvalReportJson.Serialize(Report()));
        var root = json.RootElement;

        foreach (var name in new[] { "classes", "by_label", "false_positive_rate", "macro_f1", "accuracy", "windows", "confusion", "roc", "precision_recall", "latency", "baseline" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
        }

        Assert.Equal(2, root.GetProperty("classes").GetProperty("PORT_SCAN").GetProperty("support").GetInt32());
        Assert.Equal("time", root.GetProperty("split").GetString());
    }
}
