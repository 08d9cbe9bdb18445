using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Custom;

public sealed class CustomCheckTests
{
    private const string Config = """
        customChecks:
          - id: custom-team-label
            severity: low
            title: Deployment has no team label
            description: Every Deployment names the team that owns it.
            remediation: Add metadata.labels.team.
            kinds: [Deployment]
            condition: not metadata.labels.team exists
          - id: custom-run-as-non-root
            severity: high
            title: may run as root
            description: The container does not set runAsNonRoot, directly or through the pod.
            remediation: Set securityContext.runAsNonRoot to true.
            kinds: [workloads]
            scope: container
            condition: not securityContext.runAsNonRoot == "true"
        """;

    private const string Manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: unowned
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: owned
          labels: { team: payments }
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: api
                  image: api:1.0
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: pinned
        spec:
          containers:
            - name: ok
              image: app:1
              securityContext: { runAsNonRoot: true }
            - name: bad
              image: app:1
              securityContext: { runAsNonRoot: false }
        """;

    [Fact]
    public void Scan_TwoCustomChecks_FireOnlyWhereConditionsHold()
    {
        var report = Scan(Config, Manifests);

        var custom = report.Findings.Where(f => f.CheckId.StartsWith("custom-", StringComparison.Ordinal)).ToList();
        var team = Assert.Single(custom, f => f.CheckId == "custom-team-label");
        Assert.Equal("unowned", team.Object.Name);
        Assert.Equal((1, 1), (team.Line, team.Column));
        Assert.Equal("Deployment has no team label", team.Message);
        var root = custom.Where(f => f.CheckId == "custom-run-as-non-root").ToList();
        Assert.Equal(["unowned/web", "pinned/bad"], root.Select(f => $"{f.Object.Name}/{f.Container}"));
        Assert.Equal((9, 11), (root[0].Line, root[0].Column));
        Assert.Same(CheckEquivalents.None, root[0].Equivalents);
    }

    [Fact]
    public void Scan_PodLevelRunAsNonRootWithContainerUnset_DoesNotFire()
    {
        var report = Scan(Config, Manifests);

        Assert.DoesNotContain(report.Findings, f => f.CheckId == "custom-run-as-non-root" && f.Object.Name == "owned");
        Assert.DoesNotContain(report.Findings, f => f.CheckId == "custom-run-as-non-root" && f.Container == "ok");
    }

    [Fact]
    public void Scan_IgnoreAnnotation_SuppressesCustomFinding()
    {
        const string manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shared
              annotations:
                autoshield.io/ignore: custom-team-label
                autoshield.io/ignore-reason: owned by the platform group
            spec:
              template:
                spec:
                  securityContext: { runAsNonRoot: true }
                  containers: [{ name: web, image: nginx:1.27 }]
            """;

        var report = Scan(Config, manifest);

        Assert.DoesNotContain(report.Findings, f => f.CheckId == "custom-team-label");
        var suppressed = Assert.Single(report.Suppressed, s => s.Finding.CheckId == "custom-team-label");
        Assert.Equal("owned by the platform group", suppressed.Reason);
        Assert.DoesNotContain(report.Notices, n => n.Message.Contains("custom-team-label", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_ConfigExemption_SuppressesCustomFindingAndScoreCountsIt()
    {
        var exempt = Config + """

            exemptions:
              - { checks: [custom-run-as-non-root], kind: Pod, reason: "legacy pod" }
            """;

        var report = Scan(exempt, Manifests);

        Assert.DoesNotContain(report.Findings, f => f.CheckId == "custom-run-as-non-root" && f.Object.Kind == "Pod");
        Assert.Contains(report.Suppressed, s => s.Finding.CheckId == "custom-run-as-non-root" && s.Reason == "legacy pod");
        var unowned = report.Objects.Single(o => o.Ref.Name == "unowned");
        var owned = report.Objects.Single(o => o.Ref.Name == "owned");
        Assert.True(unowned.Score < owned.Score);
    }

    [Theory]
    [InlineData("spec.replicas > 2", "big", true)]
    [InlineData("spec.replicas between 1 and 2", "big", false)]
    [InlineData("spec.replicas exists", "small", false)]
    [InlineData("spec.strategy.type == Recreate", "big", true)]
    [InlineData("pod.hostNetwork == \"true\"", "big", true)]
    [InlineData("pod.serviceAccountName in [builder, deployer]", "small", true)]
    [InlineData("metadata.annotations.owner startswith ops-", "small", true)]
    [InlineData("kind == Deployment and apiVersion == apps/v1 and metadata.namespace == prod", "big", true)]
    [InlineData("pod.containers.0.image endswith \":latest\"", "big", true)]
    public void Scan_ObjectConditionOnFields_FiresOnExpectedObject(string condition, string name, bool fires)
    {
        var config = $"""
            customChecks:
              - id: custom-x
                title: matched
                kinds: [Deployment]
                condition: '{condition.Replace("'", "''", StringComparison.Ordinal)}'
            """;
        const string manifests = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: big, namespace: prod }
            spec:
              replicas: 5
              strategy: { type: Recreate }
              template:
                spec:
                  hostNetwork: true
                  containers: [{ name: web, image: "nginx:latest" }]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: small, annotations: { owner: ops-team } }
            spec:
              template:
                spec:
                  serviceAccountName: builder
                  containers: [{ name: web, image: nginx:1.27 }]
            """;

        var report = Scan(config, manifests);

        Assert.Equal(fires, report.Findings.Any(f => f.CheckId == "custom-x" && f.Object.Name == name));
    }

    [Theory]
    [InlineData("securityContext.runAsUser == 0", "root")]
    [InlineData("securityContext.privileged == \"true\"", "priv")]
    [InlineData("container.image startswith docker.io/", "priv")]
    [InlineData("container.type == init", "setup")]
    [InlineData("not securityContext.capabilities.drop contains ALL and container.type == container", "root")]
    public void Scan_ContainerCondition_FiresOnExpectedContainerOnly(string condition, string container)
    {
        var config = $"""
            customChecks:
              - id: custom-c
                title: matched
                scope: container
                condition: '{condition}'
            """;
        const string manifest = """
            apiVersion: v1
            kind: Pod
            metadata: { name: p }
            spec:
              securityContext: { runAsUser: 0 }
              initContainers:
                - { name: setup, image: busybox, securityContext: { runAsUser: 1000, capabilities: { drop: [ALL] } } }
              containers:
                - { name: root, image: app:1 }
                - name: priv
                  image: docker.io/app:1
                  securityContext: { privileged: true, runAsUser: 10, capabilities: { drop: [all] } }
            """;

        var report = Scan(config, manifest);

        var finding = Assert.Single(report.Findings, f => f.CheckId == "custom-c");
        Assert.Equal(container, finding.Container);
    }

    [Theory]
    [InlineData("pss: restricted")]
    [InlineData("pss: baseline")]
    public void Scan_PssModeWithCustomChecks_RunsPssRulesAndCustomChecksOnly(string pss)
    {
        var report = Scan(Config + "\n" + pss + "\n", Manifests);

        Assert.Contains(report.Findings, f => f.CheckId == "custom-team-label" && f.Object.Name == "unowned");
        Assert.Equal(2, report.Findings.Count(f => f.CheckId == "custom-run-as-non-root"));
        Assert.All(report.ChecksRun, d => Assert.NotEqual(CheckProfile.Default, d.Profile));
        Assert.Contains(report.ChecksRun, d => d.Id == "custom-team-label");
        Assert.DoesNotContain(report.Findings, f => CheckRegistry.BuiltIn.TryGet(f.CheckId, out var c) && c.Definition.Profile == CheckProfile.Default);
    }

    [Fact]
    public void Scan_PssRestrictedWithCustomChecks_BuiltInPartEqualsPssAlone()
    {
        var problems = new List<string>();
        var withCustom = ScanConfig.Load(Config + "\npss: restricted\n", "config.yaml", ScanOptions.Default, problems);
        var alone = ScanConfig.Load("pss: restricted\n", "config.yaml", ScanOptions.Default, problems);
        Assert.Empty(problems);

        var both = ManifestScanner.ScanText(Manifests, "m.yaml", withCustom);
        var pssOnly = ManifestScanner.ScanText(Manifests, "m.yaml", alone);

        Assert.NotEmpty(pssOnly.Findings);
        Assert.Equal(
            pssOnly.Findings.Select(f => f.ToString()),
            both.Findings.Where(f => !f.CheckId.StartsWith("custom-", StringComparison.Ordinal)).Select(f => f.ToString()));
        Assert.Equal(3, both.Findings.Count(f => f.CheckId.StartsWith("custom-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Scan_PssModeWithDisabledCustomCheck_DoesNotRunIt()
    {
        var report = Scan(Config + "\npss: restricted\nchecks: { disable: [custom-team-label] }\n", Manifests);

        Assert.DoesNotContain(report.Findings, f => f.CheckId == "custom-team-label");
        Assert.Contains(report.Findings, f => f.CheckId == "custom-run-as-non-root");
    }

    private static ScanReport Scan(string config, string manifests)
    {
        var problems = new List<string>();
        var options = ScanConfig.Load(config, "config.yaml", ScanOptions.Default, problems);
        Assert.Empty(problems);
        return ManifestScanner.ScanText(manifests, "m.yaml", options);
    }
}
