using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one rule per check that ran (with security-severity), one result per finding
/// with file, line and column, and <c>results: []</c> on a clean run. Input errors go to the invocation's
/// notifications, never to stdout as loose text.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public void Write(ScanReport report, TextWriter writer)
    {
        var ruleIndex = report.ChecksRun.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report);
            json.WriteStartArray("results");
            foreach (var f in report.Findings)
            {
                WriteResult(json, f, ruleIndex);
            }

            json.WriteEndArray();
            WriteInvocation(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    /// <summary>A SARIF artifact URI: forward slashes, each segment escaped; stdin becomes "stdin".</summary>
    public static string ToUri(string source)
    {
        var path = source.Replace('\\', '/');
        if (path.StartsWith('<') && path.EndsWith('>'))
        {
            path = path[1..^1];
        }

        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteTool(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "AutoShield");
        json.WriteString("informationUri", "https://kubernetes.io/docs/concepts/security/");
        json.WriteStartArray("rules");
        foreach (var check in report.ChecksRun)
        {
            json.WriteStartObject();
            json.WriteString("id", check.Id);
            json.WriteString("name", check.Title);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", check.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", check.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", check.Url);
            json.WriteStartObject("help");
            json.WriteString("text", check.Remediation);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(check.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("security-severity", SecuritySeverity(check.Severity));
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("kubernetes");
            json.WriteStringValue(check.Category);
            json.WriteEndArray();
            foreach (var (tool, id) in check.Equivalents.Entries())
            {
                json.WriteString("equivalent." + tool, id);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding f, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", f.CheckId);
        if (ruleIndex.TryGetValue(f.CheckId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(f.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", $"{f.Object}{(f.Container is null ? "" : $" [{f.Container}]")}: {f.Message}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(f.Source));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, f.Line));
        json.WriteNumber("startColumn", Math.Max(1, f.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", f.Object.ToString());
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("autoshield/v1", $"{f.CheckId}|{f.Object}|{f.Container}|{f.FieldPath}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.Errors.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var e in report.Errors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", e.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ToUri(e.Source));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, e.Line));
            json.WriteNumber("startColumn", Math.Max(1, e.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => (severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 3.0,
        _ => 1.0,
    }).ToString("0.0", CultureInfo.InvariantCulture);
}
