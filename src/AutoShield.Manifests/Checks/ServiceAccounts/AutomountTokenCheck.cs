using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Checks.ServiceAccounts;

/// <summary>
/// A pod gets an API token mounted unless the pod or its ServiceAccount says no. The pod's own setting wins; when it
/// is unset, a ServiceAccount in the scanned input with automountServiceAccountToken: false counts.
/// </summary>
internal sealed class AutomountTokenCheck : ICorpusCheck
{
    public CheckDefinition Definition { get; } = new()
    {
        Id = "automount-service-account-token",
        Title = "Service account token mounted automatically",
        Severity = Severity.Medium,
        Category = "service-accounts",
        Kinds = CheckKinds.Workloads,
        Url = Links.ServiceAccounts,
        Description = "The pod gets its service account's API token mounted, so an intruder in the container can call the API server with it.",
        Remediation = "Set automountServiceAccountToken: false on the pod (or its ServiceAccount) unless the application calls the Kubernetes API.",
        Equivalents = new() { Kubesec = "AutomountServiceAccountToken", Polaris = "automountServiceAccountToken", Checkov = "CKV_K8S_38", Trivy = "KSV-0036", Kubescape = "C-0034", KubescapeRule = "automount-service-account" },
    };

    public void Evaluate(ManifestCorpus corpus, FindingSink sink)
    {
        var optedOut = new HashSet<(string, string)>();
        foreach (var sa in corpus.OfKind("ServiceAccount"))
        {
            if (sa.Root.Get("automountServiceAccountToken")?.AsBool() == false)
            {
                optedOut.Add((ManifestCorpus.NamespaceOf(sa), sa.Name));
            }
        }

        foreach (var obj in corpus.Objects)
        {
            if (obj.PodSpec is not { } pod)
            {
                continue;
            }

            var own = pod.Spec.Get("automountServiceAccountToken");
            var account = pod.Spec.Get("serviceAccountName")?.AsString() ?? pod.Spec.Get("serviceAccount")?.AsString() ?? "default";
            var mounted = own?.AsBool() ?? !optedOut.Contains((ManifestCorpus.NamespaceOf(obj), account));
            if (mounted)
            {
                sink.Report(obj, own, own is null
                    ? $"pod mounts the token of service account \"{account}\" (automountServiceAccountToken is not false)"
                    : "pod sets automountServiceAccountToken: true");
            }
        }
    }
}
