using System.Text.Json;

namespace AutoShield.Cli.Tests;

public sealed class ScanCustomCheckTests
{
    private const string Config = """
        customChecks:
          - id: custom-team-label
            severity: medium
            title: Deployment has no team label
            description: Every Deployment names the team that owns it.
            remediation: Add metadata.labels.team.
            kinds: [Deployment]
            condition: not metadata.labels.team exists
        """;

    private const string Deployments = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: unowned, namespace: shop }
        spec:
          template:
            spec:
              containers: [{ name: web, image: "nginx:1.27" }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: owned, namespace: shop, labels: { team: payments } }
        spec:
          template:
            spec:
              containers: [{ name: web, image: "nginx:1.27" }]
        """;

    [Fact]
    public void Scan_ConfigWithCustomCheck_JsonShowsCustomFindingWithItsId()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var manifests = Path.Combine(dir, "manifests");
        Directory.CreateDirectory(manifests);
        File.WriteAllText(Path.Combine(manifests, "deploy.yaml"), Deployments);
        var config = Path.Combine(dir, "autoshield-scan.yaml");
        File.WriteAllText(config, Config);

        var (_, stdout, stderr) = CliRunner.Run("scan", manifests, "--config", config, "--output", "json");

        Assert.DoesNotContain("custom-team-label", stderr, StringComparison.Ordinal);
        var findings = JsonDocument.Parse(stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var custom = Assert.Single(findings, f => f.GetProperty("check").GetString() == "custom-team-label");
        Assert.Equal("Deployment has no team label", custom.GetProperty("message").GetString());
        Assert.Equal(1, custom.GetProperty("line").GetInt32());
        Assert.Contains("deploy.yaml", custom.GetProperty("file").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CustomCheckWithBadCondition_ExitsWithUsageAndPosition()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "deploy.yaml"), Deployments);
        var config = Path.Combine(dir, "scan.config");
        File.WriteAllText(config, Config.Replace("metadata.labels.team exists", "metadata.labels.team >", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("scan", dir, "--config", config, "--output", "json");

        Assert.Equal(2, code);
        Assert.Contains($"{config}:8:", stderr, StringComparison.Ordinal);
    }
}
