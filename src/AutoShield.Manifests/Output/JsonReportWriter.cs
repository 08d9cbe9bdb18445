using System.Text;
using System.Text.Json;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Output;

/// <summary>
/// The report as JSON for scripts and the REST API: <c>findings</c> (check, severity, file, line, column, object as
/// Kind/namespace/name, message, remediation, equivalents), then suppressed findings, objects with scores, files with
/// grades, errors and notices.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public void Write(ScanReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "autoshield");
            json.WriteString("kubernetesVersion", report.KubernetesVersion.ToString());
            if (report.Pss is { } pss)
            {
                json.WriteString("pss", pss.ToString().ToLowerInvariant());
            }
            else
            {
                json.WriteNull("pss");
            }

            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                WriteFinding(json, f);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("suppressed");
            foreach (var s in report.Suppressed)
            {
                json.WriteStartObject();
                WriteFinding(json, s.Finding);
                json.WriteString("suppressedBy", s.Mechanism);
                json.WriteString("reason", s.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteObjects(json, report);
            WriteFiles(json, report);
            WriteMessages(json, "errors", report.Errors.Select(e => (e.Source, e.Line, e.Column, e.Message)));
            WriteMessages(json, "notices", report.Notices.Select(n => (n.Source, n.Line, n.Column, n.Message)));
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding f)
    {
        json.WriteString("check", f.CheckId);
        json.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        json.WriteString("file", f.Source);
        json.WriteNumber("line", f.Line);
        json.WriteNumber("column", f.Column);
        json.WriteString("object", f.Object.ToString());
        WriteOptional(json, "container", f.Container);
        WriteOptional(json, "field", f.FieldPath);
        WriteOptional(json, "template", f.TemplateSource);
        json.WriteString("message", f.Message);
        json.WriteString("remediation", f.Remediation);
        json.WriteString("url", f.Check.Url);
        json.WriteStartObject("equivalents");
        foreach (var (tool, id) in f.Equivalents.Entries())
        {
            json.WriteString(tool, id);
        }

        json.WriteEndObject();
    }

    private static void WriteObjects(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartArray("objects");
        foreach (var o in report.Objects)
        {
            json.WriteStartObject();
            json.WriteString("object", o.Ref.ToString());
            json.WriteString("apiVersion", o.ApiVersion);
            json.WriteString("file", o.Source);
            json.WriteNumber("line", o.Line);
            json.WriteNumber("score", o.Score);
            json.WriteString("grade", o.Grade);
            json.WriteNumber("findings", o.Findings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFiles(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartArray("files");
        foreach (var f in report.Files)
        {
            json.WriteStartObject();
            json.WriteString("file", f.Source);
            json.WriteString("grade", f.Grade);
            json.WriteNumber("objects", f.Objects);
            json.WriteNumber("findings", f.Findings);
            json.WriteNumber("errors", f.Errors);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteMessages(Utf8JsonWriter json, string name, IEnumerable<(string Source, int Line, int Column, string Message)> items)
    {
        json.WriteStartArray(name);
        foreach (var (source, line, column, message) in items)
        {
            json.WriteStartObject();
            json.WriteString("file", source);
            json.WriteNumber("line", line);
            json.WriteNumber("column", column);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
