using AutoShield.Manifests.Output;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Custom;

public sealed class CustomCheckReportTests
{
    [Theory]
    [InlineData(ReportFormat.Text)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Sarif)]
    [InlineData(ReportFormat.JUnit)]
    public void Write_ReportWithCustomFinding_NamesTheCustomCheck(ReportFormat format)
    {
        const string config = """
            customChecks:
              - id: custom-no-owner
                severity: high
                title: Service has no owner annotation
                kinds: [Service]
                condition: not metadata.annotations.owner exists
            """;
        var problems = new List<string>();
        var options = ScanConfig.Load(config, "config.yaml", ScanOptions.Default, problems);
        var report = ManifestScanner.ScanText("apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { ports: [{ port: 80 }] }\n", "svc.yaml", options);
        var text = new StringWriter();

        ReportWriters.Create(format).Write(report, text);

        Assert.Empty(problems);
        Assert.Contains("custom-no-owner", text.ToString(), StringComparison.Ordinal);
        Assert.Contains(report.ChecksRun, d => d.Id == "custom-no-owner");
    }
}
