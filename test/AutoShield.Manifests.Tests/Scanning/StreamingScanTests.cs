using System.Runtime.CompilerServices;
using System.Text;
using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Scanning;

public sealed class StreamingScanTests
{
    private const string List = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  hostNetwork: true
                  containers:
                    - name: web
                      image: nginx:1.27
          - apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              selector: {app: web}
          - apiVersion: v1
            kind: Service
            metadata:
              name: typo
              namespace: shop
            spec:
              selector: {app: wbe}
          -
            apiVersion: v1
            kind: Pod
            metadata: {name: solo, namespace: shop}
            spec:
              hostNetwork: true
              containers: [{name: c, image: "x:1"}]
        """;

    [Fact]
    public void Scan_ItemsOfStreamedList_PointAtItemsWithIndexedFieldPaths()
    {
        var report = ManifestScanner.ScanText(List, "list.yaml");

        Assert.Equal(["Deployment/shop/web", "Service/shop/web", "Service/shop/typo", "Pod/shop/solo"], report.Objects.Select(o => o.Ref.ToString()));
        var host = report.Findings.Where(f => f.CheckId == "host-network").ToList();
        Assert.Equal(["items[0].spec.template.spec.hostNetwork", "items[3].spec.hostNetwork"], host.Select(f => f.FieldPath));
        Assert.Equal([(16, 24), (39, 20)], host.Select(f => (f.Line, f.Column)));
    }

    [Fact]
    public void Scan_CrossObjectChecksOnStreamedList_SeeSelectorsAndTemplateLabels()
    {
        var report = ManifestScanner.ScanText(List, "list.yaml");

        var dangling = Assert.Single(report.Findings, f => f.CheckId == "dangling-service");
        Assert.Equal("typo", dangling.Object.Name);
        Assert.Equal("items[2].spec.selector", dangling.FieldPath);
        Assert.Equal((33, 17), (dangling.Line, dangling.Column));
        var automount = report.Findings.Where(f => f.CheckId == "automount-service-account-token").Select(f => f.Object.Name);
        Assert.Equal(["web", "solo"], automount);
        Assert.Equal(2, report.Findings.Count(f => f.CheckId == "namespace-without-network-policy"));
    }

    [Fact]
    public void Scan_FastReaderGivesUpAfterStreamingItems_ScansEachItemOnceAsYamlDotNetReadsIt()
    {
        // The anchor after the items makes the fast reader hand the input to YamlDotNet after it streamed them all.
        var handedOver = ManifestScanner.ScanText(List + "\nmetadata: {name: &n all}\n", "list.yaml");
        var streamed = ManifestScanner.ScanText(List + "\nmetadata: {name: all}\n", "list.yaml");

        Assert.Equal(4, handedOver.Objects.Count);
        Assert.Empty(handedOver.Errors);
        Assert.Equal(Describe(streamed), Describe(handedOver));
    }

    [Fact]
    public void Scan_StreamedListOverDocumentLimit_ReportsTheLimitAndScansNoItem()
    {
        var options = ScanOptions.Default with { Limits = ManifestLimits.Default with { MaxDocumentChars = 600 } };

        var report = ManifestScanner.ScanText(List, "list.yaml", options);

        Assert.Empty(report.Objects);
        Assert.Empty(report.Findings);
        var error = Assert.Single(report.Errors);
        Assert.Contains("document larger than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ManyDocuments_TreesAreNotKeptAliveByTheReport()
    {
        var probe = new TreeProbe();
        var options = ScanOptions.Default with { Registry = CheckRegistry.BuiltIn.With(probe), EnabledChecks = new HashSet<string> { probe.Definition.Id } };
        var yaml = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            yaml.Append("---\n").Append(Some.PrivilegedDeployment.Replace("name: web", $"name: web-{i}", StringComparison.Ordinal)).Append('\n');
        }

        var report = ScanAndForget(yaml.ToString(), options);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(50, probe.Trees.Count);
        Assert.Equal(100, report.Findings.Count(f => f.CheckId == "privileged-container" || f.CheckId == "custom-probe"));
        Assert.DoesNotContain(probe.Trees, t => t.TryGetTarget(out _));
        GC.KeepAlive(report);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScanReport ScanAndForget(string yaml, ScanOptions options) => ManifestScanner.ScanText(yaml, "many.yaml", options);

    private static List<string> Describe(ScanReport report) =>
        [.. report.Findings.Select(f => $"{f} @{f.FieldPath}"), .. report.Objects.Select(o => $"{o.Ref} {o.Line}:{o.Column} {o.Score}")];

    /// <summary>Reports every object once and remembers its tree weakly.</summary>
    private sealed class TreeProbe : IObjectCheck
    {
        public List<WeakReference<object>> Trees { get; } = [];

        public CheckDefinition Definition { get; } = new()
        {
            Id = "custom-probe",
            Title = "probe",
            Severity = Severity.Info,
            Category = "custom",
            Description = "probe",
            Remediation = "none",
            Kinds = ["*"],
            Url = "https://example.com/",
            EnabledByDefault = false,
        };

        public void Evaluate(ManifestObject obj, FindingSink sink)
        {
            Trees.Add(new WeakReference<object>(obj.Root));
            sink.Report(obj, obj.Spec, "seen");
        }
    }
}
