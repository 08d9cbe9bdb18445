using AutoShield.Manifests.Model;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Checks.Networking;

/// <summary>
/// Services and NetworkPolicies whose selector matches no workload in the scanned input. Only judged in namespaces
/// where the input holds workloads at all, so scanning a lone Service file reports nothing.
/// </summary>
internal sealed class DanglingSelectorCheck(string id, string kind, string selectorPath, bool plainMap, CheckEquivalents equivalents) : ICorpusCheck
{
    public CheckDefinition Definition { get; } = new()
    {
        Id = id,
        Title = $"{kind} selects no pods",
        Severity = Severity.Low,
        Category = "networking",
        Kinds = [kind],
        Url = Links.Labels,
        Description = $"The {kind}'s selector matches the pod template of no workload in its namespace: it is dead, or a typo leaves the intended pods {(kind == "Service" ? "without traffic" : "unprotected")}.",
        Remediation = "Fix the selector so it matches the labels of the intended pod template, or delete the object.",
        Equivalents = equivalents,
    };

    public static IEnumerable<ICheck> All() =>
    [
        new DanglingSelectorCheck("dangling-service", "Service", "spec.selector", plainMap: true, new() { KubeLinter = "dangling-service", KubeScore = "service-targets-pod", Kubescape = "C-0293" }),
        new DanglingSelectorCheck("dangling-network-policy", "NetworkPolicy", "spec.podSelector", plainMap: false, new() { KubeLinter = "dangling-networkpolicy", KubeScore = "networkpolicy-targets-pod", Trivy = "KSV-0038", Kubescape = "C-0299" }),
    ];

    public void Evaluate(ManifestCorpus corpus, FindingSink sink)
    {
        foreach (var obj in corpus.OfKind(kind))
        {
            var ns = ManifestCorpus.NamespaceOf(obj);
            var node = obj.Root.At(selectorPath);
            var selector = plainMap ? LabelSelector.FromMap(node) : LabelSelector.FromSelector(node);

            // A Service without a selector is managed by hand (EndpointSlices); an empty podSelector selects all.
            if (node is null || selector.IsEmpty || corpus.WorkloadsIn(ns).Count == 0)
            {
                continue;
            }

            if (!corpus.WorkloadsMatching(ns, selector).Any())
            {
                sink.Report(obj, node, $"{kind} selector matches no workload in the scanned input");
            }
        }
    }
}
