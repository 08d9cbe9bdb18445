using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Scanning;

public sealed class ScanConfigTests
{
    [Fact]
    public void Load_EveryKey_SetsTheOptions()
    {
        var yaml = """
            kubernetesVersion: v1.29
            pss: baseline
            minSeverity: medium
            checks: {enable: [low-user-id], disable: [cpu-limit-missing]}
            trustedRegistries: [registry.example.com]
            ignoreAnnotations: false
            workloadKinds: [{kind: Workflow, templatePath: spec.podTemplate}]
            exemptions:
              - {checks: [host-network], kind: DaemonSet, namespace: kube-system, name: "cilium*", reason: CNI agent}
            limits: {maxDepth: 50}
            """;
        var problems = new List<string>();

        var options = ScanConfig.Load(yaml, "autoshield.yaml", ScanOptions.Default, problems);

        Assert.Empty(problems);
        Assert.Equal(new KubernetesVersion(1, 29), options.KubernetesVersion);
        Assert.Equal(PssLevel.Baseline, options.Pss);
        Assert.Equal(Severity.Medium, options.MinSeverity);
        Assert.Contains("low-user-id", options.EnabledChecks);
        Assert.Contains("cpu-limit-missing", options.DisabledChecks);
        Assert.Equal(["registry.example.com"], options.TrustedRegistries);
        Assert.False(options.HonourIgnoreAnnotations);
        Assert.True(options.WorkloadKinds.IsWorkload("Workflow"));
        Assert.Equal("cilium*", Assert.Single(options.Exemptions).Name);
        Assert.Equal(50, options.Limits.MaxDepth);
    }

    [Fact]
    public void Load_Mistakes_AreEachReportedWithTheirPosition()
    {
        var yaml = """
            kubernetesVersion: soon
            checkz: {}
            checks: {disable: [no-such-check]}
            exemptions: [{checks: [host-network]}]
            """;
        var problems = new List<string>();

        ScanConfig.Load(yaml, "autoshield.yaml", ScanOptions.Default, problems);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("autoshield.yaml:2:1: unknown key \"checkz\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"no-such-check\" is no check", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs a reason", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CustomWorkloadKind_GetsPodChecks()
    {
        var problems = new List<string>();
        var options = ScanConfig.Load("workloadKinds: [{kind: Workflow, templatePath: spec.podTemplate}]", "c.yaml", new ScanOptions { OnlyChecks = new HashSet<string> { "host-pid" } }, problems);
        var yaml = "apiVersion: example.com/v1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  podTemplate:\n    spec: {hostPID: true, containers: [{name: c, image: x:1}]}\n";

        var report = ManifestScanner.ScanText(yaml, "w.yaml", options);

        Assert.Equal("host-pid", Assert.Single(report.Findings).CheckId);
    }
}
