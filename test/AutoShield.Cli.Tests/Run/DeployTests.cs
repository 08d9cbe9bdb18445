using System.Diagnostics;
using AutoShield.Testing;

namespace AutoShield.Cli.Tests.Run;

public sealed class DeployTests
{
    [Fact]
    public void DeployPolicy_ComparedWithConfig_IsTheSameFile()
    {
        var shipped = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "config", "policies", "default.yaml"));
        var deployed = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "deploy", "policies", "default.yaml"));

        Assert.True(shipped == deployed, "deploy/policies/default.yaml is stale: cp config/policies/default.yaml deploy/policies/default.yaml");
    }

    [Fact]
    public void Scan_RenderedDeployManifests_FindsNothingAndRunsTheHost()
    {
        var kubectl = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);
        Assert.True(kubectl is not null, "kubectl is needed for this test (it is installed on CI and dev machines)");
        using var process = Process.Start(new ProcessStartInfo(kubectl, ["kustomize", Path.Combine(SharedData.RepositoryRoot, "deploy")]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var rendered = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "deploy.yaml");
        File.WriteAllText(file, rendered);

        var (code, stdout, _) = CliRunner.Run("scan", file, "--fail-on", "low");

        Assert.True(code == 0, stdout);
        Assert.Contains("- run", rendered, StringComparison.Ordinal);
        Assert.Contains("- --leader-elect", rendered, StringComparison.Ordinal);
        Assert.Matches("name: ENABLE_ACTUATION\\n\\s+value: \"false\"", rendered);
    }
}
