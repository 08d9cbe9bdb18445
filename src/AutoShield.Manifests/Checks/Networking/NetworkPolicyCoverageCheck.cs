using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Checks.Networking;

/// <summary>
/// Workloads in namespaces for which the scanned input holds no NetworkPolicy (nor CiliumNetworkPolicy; a
/// CiliumClusterwideNetworkPolicy covers every namespace). Reported on each workload so a detection on one of its
/// pods shows it.
/// </summary>
internal sealed class NetworkPolicyCoverageCheck : ICorpusCheck
{
    public CheckDefinition Definition { get; } = new()
    {
        Id = "namespace-without-network-policy",
        Title = "Namespace without a NetworkPolicy",
        Severity = Severity.Medium,
        Category = "networking",
        Kinds = CheckKinds.Workloads,
        Url = Links.NetworkPolicies,
        Description = "No NetworkPolicy in the scanned input applies to the workload's namespace, so its pods accept traffic from anywhere and may call anything: the network an intruder moves laterally through.",
        Remediation = "Add a default-deny NetworkPolicy (ingress and egress) to the namespace, then allow the flows the workload needs.",
        Equivalents = new() { KubeLinter = "non-isolated-pod", Polaris = "missingNetworkPolicy", KubeScore = "pod-networkpolicy", Checkov = "CKV2_K8S_6", Kubescape = "C-0260, C-0030, C-0054", KubescapeRule = "ingress-and-egress-blocked" },
    };

    public void Evaluate(ManifestCorpus corpus, FindingSink sink)
    {
        if (corpus.OfKind("CiliumClusterwideNetworkPolicy").Count > 0)
        {
            return;
        }

        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in new[] { "NetworkPolicy", "CiliumNetworkPolicy" })
        {
            foreach (var policy in corpus.OfKind(kind))
            {
                covered.Add(ManifestCorpus.NamespaceOf(policy));
            }
        }

        foreach (var ns in corpus.WorkloadNamespaces)
        {
            if (covered.Contains(ns))
            {
                continue;
            }

            foreach (var workload in corpus.WorkloadsIn(ns))
            {
                sink.Report(workload, null, ns.Length == 0
                    ? "no NetworkPolicy in the scanned input covers the namespace this object is applied to"
                    : $"no NetworkPolicy in the scanned input covers namespace {ns}");
            }
        }
    }
}
