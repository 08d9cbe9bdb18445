using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Output;

/// <summary>Human-readable report, one finding per line in <c>file:line:column</c> form (editors jump to it), optionally coloured.</summary>
public sealed class TextReportWriter(bool colour = false) : IReportWriter
{
    private const string Reset = "\u001b[0m";
    private const string Dim = "\u001b[2m";

    public void Write(ScanReport report, TextWriter writer)
    {
        foreach (var error in report.Errors)
        {
            writer.WriteLine($"{error.Source}:{error.Line}:{error.Column}: {Paint("ERROR", "\u001b[1;31m")} {error.Message}");
        }

        foreach (var f in report.Findings)
        {
            var container = f.Container is null ? "" : $" [{f.Container}]";
            var template = f.TemplateSource is null ? "" : $" (template {f.TemplateSource})";
            writer.WriteLine($"{f.Source}:{f.Line}:{f.Column}: {Paint(Label(f.Severity), SeverityColour(f.Severity))} {f.CheckId} {f.Object}{container}{template}: {f.Message}");
            writer.WriteLine(Paint($"    fix: {f.Remediation}", Dim));
        }

        foreach (var notice in report.Notices)
        {
            writer.WriteLine(Paint($"{notice.Source}:{notice.Line}:{notice.Column}: note: {notice.Message}", Dim));
        }

        writer.WriteLine();
        foreach (var file in report.Files)
        {
            writer.WriteLine($"{file.Source}: grade {file.Grade}, {file.Objects} objects, {file.Findings} findings{(file.Errors > 0 ? $", {file.Errors} errors" : "")}");
        }

        var counts = Enum.GetValues<Severity>().Reverse()
            .Select(s => (s, n: report.Findings.Count(f => f.Severity == s)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {x.s.ToString().ToLowerInvariant()}");
        var breakdown = string.Join(", ", counts);
        writer.WriteLine($"{report.Findings.Count} findings{(breakdown.Length > 0 ? $" ({breakdown})" : "")}, {report.Suppressed.Count} suppressed, {report.Errors.Count} errors in {report.Objects.Count} objects from {report.Files.Count} inputs; {report.ChecksRun.Count} checks{(report.Pss is { } pss ? $", PSS {pss.ToString().ToLowerInvariant()}" : "")}, Kubernetes {report.KubernetesVersion}");
    }

    private static string Label(Severity severity) => severity.ToString().ToUpperInvariant();

    private static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Critical => "\u001b[1;35m",
        Severity.High => "\u001b[1;31m",
        Severity.Medium => "\u001b[33m",
        Severity.Low => "\u001b[36m",
        _ => "\u001b[2m",
    };

    private string Paint(string text, string code) => colour ? code + text + Reset : text;
}
