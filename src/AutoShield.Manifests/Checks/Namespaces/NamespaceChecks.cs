namespace AutoShield.Manifests.Checks.Namespaces;

/// <summary>Where workloads land: the default namespace and kube-system.</summary>
internal static class NamespaceChecks
{
    public static readonly ICheck DefaultNamespace = new PodCheck(
        new CheckDefinition
        {
            Id = "default-namespace",
            Title = "Workload in the default namespace",
            Severity = Severity.Low,
            Category = "namespaces",
            Kinds = CheckKinds.Workloads,
            Url = Links.Namespaces,
            Description = "Workloads in the default namespace share it with everything deployed carelessly; policies and RBAC are hard to scope there. An unset namespace is reported too: kubectl puts it in the context's namespace, often default.",
            Remediation = "Set metadata.namespace to a dedicated namespace (Helm: render with --namespace and keep it in the manifest).",
            Equivalents = new() { KubeLinter = "use-namespace", Checkov = "CKV_K8S_21", Trivy = "KSV-0110", Kubescape = "C-0061", KubescapeRule = "pods-in-default-namespace" },
        },
        (pod, sink) =>
        {
            var obj = pod.Object;
            if (obj.Namespace is null or "default")
            {
                sink.Report(obj, obj.Metadata?.Get("namespace") ?? obj.Metadata, obj.Namespace is null ? "no namespace set: it lands in the applier's namespace, often default" : "object is in the default namespace");
            }
        });

    public static readonly ICheck KubeSystem = new PodCheck(
        new CheckDefinition
        {
            Id = "kube-system-workload",
            Title = "Workload in kube-system",
            Severity = Severity.Medium,
            Category = "namespaces",
            Kinds = CheckKinds.Workloads,
            Url = Links.Namespaces,
            Description = "kube-system holds the control plane's own components and powerful service accounts; user workloads there get close to them.",
            Remediation = "Deploy the workload to its own namespace.",
            Equivalents = new() { Trivy = "KSV-0037" },
        },
        (pod, sink) =>
        {
            if (pod.Object.Namespace == "kube-system")
            {
                sink.Report(pod.Object, pod.Object.Metadata?.Get("namespace"), "workload is in kube-system");
            }
        });

    public static IEnumerable<ICheck> All() => [DefaultNamespace, KubeSystem];
}
