using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Scanning;

public sealed class ManifestScannerTests
{
    private static readonly ScanOptions Privileged = new() { OnlyChecks = new HashSet<string> { "privileged-container", "host-network" } };

    [Fact]
    public void Scan_PrivilegedField_PointsAtItsLineAndColumn()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", Privileged);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("deploy.yaml", 17, 25), (finding.Source, finding.Line, finding.Column));
        Assert.Equal(new ObjectRef("Deployment", "shop", "web"), finding.Object);
        Assert.Equal("web", finding.Container);
        Assert.Equal("spec.template.spec.containers[0].securityContext.privileged", finding.FieldPath);
        Assert.Equal("CKV_K8S_16", finding.Equivalents.Checkov);
    }

    [Fact]
    public void Scan_KindList_ScansEveryItem()
    {
        var yaml = """
            apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {hostNetwork: true, containers: [{name: c, image: x:1}]}}
              - {apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {hostNetwork: true, containers: [{name: c, image: x:1}]}}
            """;

        var report = ManifestScanner.ScanText(yaml, "list.yaml", Privileged);

        Assert.Equal(["a", "b"], report.Findings.Select(f => f.Object.Name));
        Assert.Equal([4, 5], report.Findings.Select(f => f.Line));
    }

    [Fact]
    public void Scan_JsonInput_FindsTheSameAsYaml()
    {
        var json = """{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "x:1"}]}}""";

        var report = ManifestScanner.ScanText(json, "pod.json", Privileged);

        Assert.Equal("host-network", Assert.Single(report.Findings).CheckId);
    }

    [Fact]
    public void Scan_UnsupportedKind_IsANoticeNotAnError()
    {
        var report = ManifestScanner.ScanText("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n", "w.yaml");

        Assert.Empty(report.Errors);
        Assert.Contains("Widget", Assert.Single(report.Notices).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_DocumentWithoutKind_IsReportedAndTheRestScanned()
    {
        var report = ManifestScanner.ScanText("foo: bar\n---\n" + Some.PrivilegedDeployment, "mixed.yaml", Privileged);

        Assert.Contains("without apiVersion or kind", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void Scan_BinaryInput_EndsInAClearError()
    {
        var input = new ManifestInput("image.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 });

        var report = ManifestScanner.Scan([input], ScanOptions.Default);

        Assert.Contains("binary input: NUL byte at offset 4", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("F", Assert.Single(report.Files).Grade);
    }

    [Fact]
    public void Scan_InvalidUtf8_EndsInAClearError()
    {
        var input = new ManifestInput("latin1.yaml", new byte[] { (byte)'a', (byte)':', (byte)' ', 0xE9, (byte)'\n' });

        var report = ManifestScanner.Scan([input], ScanOptions.Default);

        Assert.Contains("invalid utf-8 byte sequence at offset 3", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_Utf16WithByteOrderMark_IsRead()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(Some.PrivilegedDeployment)).ToArray();

        var report = ManifestScanner.Scan([new ManifestInput("utf16.yaml", bytes)], Privileged);

        Assert.Empty(report.Errors);
        Assert.Single(report.Findings);
    }

    [Fact]
    public void Scan_InputOverTheSizeLimit_IsRefused()
    {
        var options = Privileged with { Limits = ManifestLimits.Default with { MaxInputBytes = 100 } };

        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "big.yaml", options);

        Assert.Contains("larger than the limit of 100 bytes", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Scan_IgnoreAnnotationWithReason_SuppressesAndKeepsTheReason()
    {
        var yaml = Some.WithAnnotations("""
                autoshield.io/ignore: host-network
                autoshield.io/ignore-reason: CNI agent needs the node network
            """);

        var report = ManifestScanner.ScanText(yaml, "agent.yaml", Privileged);

        Assert.Empty(report.Findings);
        var suppressed = Assert.Single(report.Suppressed);
        Assert.Equal(("annotation", "CNI agent needs the node network"), (suppressed.Mechanism, suppressed.Reason));
        Assert.Empty(report.Notices);
    }

    [Fact]
    public void Scan_PerCheckIgnoreAnnotation_Suppresses()
    {
        var yaml = Some.WithAnnotations("    ignore.autoshield.io/host-network: node agent");

        var report = ManifestScanner.ScanText(yaml, "agent.yaml", Privileged);

        Assert.Equal("node agent", Assert.Single(report.Suppressed).Reason);
    }

    [Fact]
    public void Scan_IgnoreOnPodTemplate_SuppressesTheWorkload()
    {
        var yaml = Some.PrivilegedDeployment.Replace("      labels: {app: web}", "      labels: {app: web}\n      annotations: {ignore.autoshield.io/privileged-container: debug build}", StringComparison.Ordinal);

        var report = ManifestScanner.ScanText(yaml, "deploy.yaml", Privileged);

        Assert.Empty(report.Findings);
        Assert.Single(report.Suppressed);
    }

    [Fact]
    public void Scan_IgnoreNamingNoCheckOrWithoutReason_IsReportedNotSilent()
    {
        var yaml = Some.WithAnnotations("    autoshield.io/ignore: host-netwrk");

        var report = ManifestScanner.ScanText(yaml, "agent.yaml", Privileged);

        Assert.Single(report.Findings);
        Assert.Equal(2, report.Notices.Count);
        Assert.Contains(report.Notices, n => n.Message.Contains("\"host-netwrk\", which is no check", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_IgnoreAnnotationsTurnedOff_KeepsTheFinding()
    {
        var yaml = Some.WithAnnotations("    ignore.autoshield.io/host-network: trust me");

        var report = ManifestScanner.ScanText(yaml, "agent.yaml", Privileged with { HonourIgnoreAnnotations = false });

        Assert.Single(report.Findings);
    }

    [Fact]
    public void Scan_ConfigExemption_SuppressesOnlyTheMatchingContainer()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              containers:
                - {name: web, image: "web:1", securityContext: {privileged: true}}
                - {name: sidecar, image: "envoy:1.30", securityContext: {privileged: true}}
            """;
        var options = Privileged with { Exemptions = [new ScanExemption(["privileged-container"], "mesh sidecar") { Namespace = "shop", Container = "sidecar" }] };

        var report = ManifestScanner.ScanText(yaml, "deploy.yaml", options);

        Assert.Equal("web", Assert.Single(report.Findings).Container);
        Assert.Equal("config", Assert.Single(report.Suppressed).Mechanism);
    }

    [Fact]
    public void Scan_CustomPredicateCheck_RunsBesideTheBuiltIns()
    {
        var custom = new ObjectCheck(
            new CheckDefinition
            {
                Id = "team-label-required",
                Title = "Team label",
                Severity = Severity.Low,
                Category = "custom",
                Kinds = CheckKinds.Any,
                Url = "https://example.com/labels",
                Description = "Objects carry a team label.",
                Remediation = "Add metadata.labels.team.",
            },
            (obj, sink) =>
            {
                if (obj.Labels?.Get("team") is null)
                {
                    sink.Report(obj, obj.Metadata, "no team label");
                }
            });
        var options = new ScanOptions { Registry = CheckRegistry.BuiltIn.With(custom), OnlyChecks = new HashSet<string> { "team-label-required" } };

        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", options);

        Assert.Equal("team-label-required", Assert.Single(report.Findings).CheckId);
    }

    [Fact]
    public void Scan_PssRestricted_RunsOnlyPodSecurityChecks()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", new ScanOptions { Pss = PssLevel.Restricted });

        Assert.All(report.ChecksRun, c => Assert.StartsWith("pss.", c.Id, StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.CheckId == "pss.privileged");
        Assert.Contains(report.Findings, f => f.CheckId == "pss.runAsNonRoot");
    }

    [Fact]
    public void Scan_PssBaseline_LeavesOutRestrictedRules()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", new ScanOptions { Pss = PssLevel.Baseline });

        Assert.Equal(["pss.privileged"], report.Findings.Select(f => f.CheckId));
    }

    [Fact]
    public void Scan_Scores_GradeAFileByItsWeakestObject()
    {
        var yaml = Some.PrivilegedDeployment + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {a: b}\n";

        var report = ManifestScanner.ScanText(yaml, "two.yaml", Privileged);

        Assert.Equal([60, 100], report.Objects.Select(o => o.Score));
        Assert.Equal("D", Assert.Single(report.Files).Grade);
    }

    [Fact]
    public void FindingsForWorkload_DetectionOnAPod_FindsItsManifest()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml", Privileged);

        var findings = report.FindingsForWorkload("shop", "web", "Deployment").ToList();

        Assert.Single(findings);
        Assert.Empty(report.FindingsForWorkload("other", "web"));
    }

    [Fact]
    public void Scan_DefaultOptions_RunEveryDefaultCheckAndNoOffByDefaultOnes()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "deploy.yaml");

        Assert.Contains(report.ChecksRun, c => c.Id == "privileged-container");
        Assert.DoesNotContain(report.ChecksRun, c => c.Id == "low-user-id" || c.Id.StartsWith("pss.", StringComparison.Ordinal));
    }
}
