namespace AutoShield.Manifests.Checks.ServiceAccounts;

/// <summary>Which service account a pod runs as.</summary>
internal static class ServiceAccountChecks
{
    public static readonly ICheck DefaultAccount = new PodCheck(
        new CheckDefinition
        {
            Id = "default-service-account",
            Title = "Runs as the default service account",
            Severity = Severity.Low,
            Category = "service-accounts",
            Kinds = CheckKinds.Workloads,
            Url = Links.ServiceAccounts,
            Description = "Pods on the namespace's default service account share its permissions with every other such pod.",
            Remediation = "Create a ServiceAccount for the workload and set serviceAccountName.",
            Equivalents = new() { KubeLinter = "default-service-account", Kubesec = "ServiceAccountName", Checkov = "CKV_K8S_41, CKV_K8S_42", Kubescape = "C-0189" },
        },
        (pod, sink) =>
        {
            var name = pod.Spec.Get("serviceAccountName") ?? pod.Spec.Get("serviceAccount");
            if (name?.AsString() is null or "" or "default")
            {
                sink.Report(pod.Object, name, "pod runs as the default service account");
            }
        });

    public static readonly ICheck DeprecatedField = new PodCheck(
        new CheckDefinition
        {
            Id = "deprecated-service-account-field",
            Title = "Deprecated serviceAccount field",
            Severity = Severity.Low,
            Category = "service-accounts",
            Kinds = CheckKinds.Workloads,
            Url = Links.ServiceAccounts,
            Description = "spec.serviceAccount is a deprecated alias of serviceAccountName; when both differ the result surprises.",
            Remediation = "Use serviceAccountName and remove serviceAccount.",
            Equivalents = new() { KubeLinter = "deprecated-service-account-field" },
        },
        (pod, sink) =>
        {
            if (pod.Spec.GetKey("serviceAccount") is { } key)
            {
                sink.Report(pod.Object, key, "pod uses the deprecated serviceAccount field");
            }
        });

    public static IEnumerable<ICheck> All() => [DefaultAccount, DeprecatedField, new AutomountTokenCheck()];
}
