using System.Text.Json;
using System.Xml.Linq;
using AutoShield.Manifests.Output;
using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Tests.Scanning;

namespace AutoShield.Manifests.Tests.Output;

public sealed class ReportWriterTests
{
    private static readonly ScanOptions Privileged = new() { OnlyChecks = new HashSet<string> { "privileged-container" } };

    [Fact]
    public void Json_Finding_CarriesEveryFieldScriptsRead()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", Privileged);

        using var doc = JsonDocument.Parse(Write(new JsonReportWriter(), report));

        var finding = doc.RootElement.GetProperty("findings")[0];
        Assert.Equal("privileged-container", finding.GetProperty("check").GetString());
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
        Assert.Equal("deploy.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(17, finding.GetProperty("line").GetInt32());
        Assert.Equal(25, finding.GetProperty("column").GetInt32());
        Assert.Equal("Deployment/shop/web", finding.GetProperty("object").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("remediation").GetString()));
        Assert.Equal("privileged-container", finding.GetProperty("equivalents").GetProperty("kube-linter").GetString());
        Assert.Equal("baseline/privileged", finding.GetProperty("equivalents").GetProperty("pss").GetString());
        Assert.Equal("D", doc.RootElement.GetProperty("files")[0].GetProperty("grade").GetString());
    }

    [Fact]
    public void Sarif_CleanRun_StillHasAnEmptyResultsArray()
    {
        var report = ManifestScanner.ScanText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "c.yaml", Privileged);

        using var doc = JsonDocument.Parse(Write(new SarifReportWriter(), report));

        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Sarif_Finding_HasRuleRegionAndSecuritySeverity()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "manifests/my app/deploy.yaml", Privileged);

        using var doc = JsonDocument.Parse(Write(new SarifReportWriter(), report));

        var run = doc.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[result.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("privileged-container", rule.GetProperty("id").GetString());
        Assert.Equal("9.5", rule.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("manifests/my%20app/deploy.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(17, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void JUnit_FailingObjectAndInputError_AreWellFormed()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment + "\n---\n[broken", "deploy.yaml", Privileged);

        var xml = XDocument.Parse(Write(new JUnitReportWriter(), report));

        var suite = Assert.Single(xml.Root!.Elements("testsuite"));
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("errors")!.Value);
        Assert.Contains("privileged-container", suite.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Text_Colour_OnlyWhenAsked(bool colour, bool expectAnsi)
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", Privileged);

        var text = Write(new TextReportWriter(colour), report);

        Assert.Contains("deploy.yaml:17:25: ", text, StringComparison.Ordinal);
        Assert.Equal(expectAnsi, text.Contains('\u001b', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sarif", ReportFormat.Sarif)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("junit", ReportFormat.JUnit)]
    public void TryParseFormat_Names_Parse(string text, ReportFormat expected)
    {
        Assert.True(ReportWriters.TryParseFormat(text, out var format));
        Assert.Equal(expected, format);
    }

    private static string Write(IReportWriter writer, ScanReport report)
    {
        using var text = new StringWriter();
        writer.Write(report, text);
        return text.ToString();
    }
}
