using System.Text.Json;

namespace AutoShield.Cli.Tests;

public sealed class ScanCommandTests
{
    private const string PrivilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: app
              image: nginx:latest
              securityContext:
                privileged: true
        """;

    [Fact]
    public void Scan_PrivilegedPodJson_ReportsFindingWithPositionAndFailsOnHigh()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "pod.yaml");
        File.WriteAllText(file, PrivilegedPod);
        var (code, stdout, _) = CliRunner.Run("scan", file, "--output", "json", "--fail-on", "high");
        Assert.Equal(1, code);
        var findings = JsonDocument.Parse(stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var privileged = findings.First(f => f.GetProperty("message").GetString()!.Contains("rivileged", StringComparison.Ordinal));
        Assert.Equal(file, privileged.GetProperty("file").GetString());
        Assert.True(privileged.GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public void Scan_BadPssLevel_ExitsWithUsage()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "pod.yaml");
        File.WriteAllText(file, PrivilegedPod);
        var (code, _, stderr) = CliRunner.Run("scan", file, "--pss", "strict");
        Assert.Equal(2, code);
        Assert.Contains("--pss", stderr, StringComparison.Ordinal);
    }
}
