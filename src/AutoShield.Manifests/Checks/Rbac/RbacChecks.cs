namespace AutoShield.Manifests.Checks.Rbac;

/// <summary>Roles and ClusterRoles that grant too much: wildcards, secrets, exec, escalation, cluster takeover paths.</summary>
internal static class RbacChecks
{
    public static readonly ICheck Wildcard = RoleCheck("rbac-wildcard", "Wildcard in RBAC rule", Severity.High,
        "A rule grants * verbs or * resources: it silently includes every resource and verb added in future versions, secrets and escalation included.",
        "List the resources and verbs the subject needs.",
        new() { KubeLinter = "wildcard-in-rules", Checkov = "CKV_K8S_49", Trivy = "KSV-0044, KSV-0045, KSV-0046, KSV-0112", Kubescape = "C-0187" },
        rule => rule.Verbs.Contains("*") || rule.Resources.Contains("*") ? $"rule grants {(rule.Verbs.Contains("*") ? "all verbs" : "all resources")}" : null);

    public static readonly ICheck SecretsAccess = RoleCheck("rbac-secrets-access", "Read access to Secrets", Severity.Medium,
        "The role can get, list or watch Secrets: every credential in its scope.",
        "Grant get on named Secrets (resourceNames) only, or mount the Secret into the pod instead.",
        new() { KubeLinter = "access-to-secrets", Checkov = "CKV2_K8S_5", Trivy = "KSV-0041, KSV-0113", Kubescape = "C-0015", KubescapeRule = "rule-can-list-get-secrets-v1" },
        rule => rule.Covers("", "secrets") && rule.HasVerb("get", "list", "watch") && rule.Node.Get("resourceNames") is not { Count: > 0 } ? "rule grants read access to secrets" : null);

    public static readonly ICheck Escalation = RoleCheck("rbac-escalate-bind-impersonate", "escalate, bind or impersonate", Severity.High,
        "escalate and bind let a subject grant itself any permission; impersonate lets it act as any user, group or service account.",
        "Remove the escalate, bind and impersonate verbs; grant them only to cluster administrators.",
        new() { Checkov = "CKV_K8S_157, CKV_K8S_158, CKV2_K8S_1, CKV2_K8S_3", Trivy = "KSV-0043, KSV-0050, KSV-0051, KSV-0052", Kubescape = "C-0065, C-0191", KubescapeRule = "rule-can-impersonate-users-groups-v1" },
        rule => rule.Verbs.FirstOrDefault(v => v is "escalate" or "bind" or "impersonate") is { } verb ? $"rule grants {verb}" : null);

    public static readonly ICheck ExecAttach = RoleCheck("rbac-exec-attach", "exec or attach into pods", Severity.Medium,
        "pods/exec and pods/attach give a shell in any pod in scope, with its service account token and secrets.",
        "Remove pods/exec and pods/attach; use ephemeral debug containers under a separate, audited role.",
        new() { Polaris = "clusterrolePodExecAttach, rolePodExecAttach", Checkov = "CKV2_K8S_2", Trivy = "KSV-0053, KSV-0054", Kubescape = "C-0002", KubescapeRule = "exec-into-container-v1" },
        rule => (rule.Covers("", "pods/exec") || rule.Covers("", "pods/attach")) && rule.HasVerb("create", "get") && !rule.Resources.Contains("*") ? "rule grants pods/exec or pods/attach" : null);

    public static readonly ICheck CreateWorkloads = RoleCheck("rbac-create-workloads", "Can create pods or workloads", Severity.Medium,
        "Creating pods (directly or through a controller) lets a subject run any image with any service account in scope.",
        "Grant create on workloads only to deployment pipelines, and enforce Pod Security admission in the namespace.",
        new() { KubeLinter = "access-to-create-pods", Trivy = "KSV-0048", Kubescape = "C-0188" },
        rule =>
        {
            string[] core = ["pods", "replicationcontrollers"];
            string[] apps = ["deployments", "daemonsets", "statefulsets", "replicasets"];
            string[] batch = ["jobs", "cronjobs"];
            var hit = core.Any(r => rule.Covers("", r)) || apps.Any(r => rule.Covers("apps", r)) || batch.Any(r => rule.Covers("batch", r));
            return hit && rule.HasVerb("create") && !rule.Resources.Contains("*") ? "rule grants create on pods or workloads" : null;
        },
        enabled: false);

    public static readonly ICheck Takeover = RoleCheck("rbac-cluster-takeover", "Permissions that lead to cluster takeover", Severity.High,
        "nodes/proxy (kubelet API), serviceaccounts/token create, CSR approval and admission webhook configuration each let a subject become cluster administrator.",
        "Remove these permissions from roles bound to workloads or ordinary users.",
        new() { Checkov = "CKV_K8S_155, CKV_K8S_156, CKV2_K8S_4", Trivy = "KSV-0047, KSV-0114", Kubescape = "C-0279, C-0280, C-0281, C-0282" },
        rule =>
        {
            if (rule.Covers("", "nodes/proxy") && rule.HasVerb("get", "create"))
            {
                return "rule grants nodes/proxy";
            }

            if (rule.Covers("", "serviceaccounts/token") && rule.HasVerb("create"))
            {
                return "rule grants creating service account tokens";
            }

            if (rule.Covers("certificates.k8s.io", "certificatesigningrequests/approval") && rule.HasVerb("update", "patch"))
            {
                return "rule grants approving certificate signing requests";
            }

            var webhooks = rule.Covers("admissionregistration.k8s.io", "mutatingwebhookconfigurations") || rule.Covers("admissionregistration.k8s.io", "validatingwebhookconfigurations");
            return webhooks && rule.HasVerb("create", "update", "patch") && !rule.Resources.Contains("*") ? "rule grants changing admission webhooks" : null;
        });

    public static IEnumerable<ICheck> All() => [Wildcard, SecretsAccess, Escalation, ExecAttach, CreateWorkloads, Takeover];

    private static ObjectCheck RoleCheck(string id, string title, Severity severity, string description, string remediation, CheckEquivalents equivalents, Func<RbacRule, string?> test, bool enabled = true) => new(
        new CheckDefinition
        {
            Id = id,
            Title = title,
            Severity = severity,
            Category = "rbac",
            Kinds = CheckKinds.Roles,
            Url = Links.Rbac,
            EnabledByDefault = enabled,
            Description = description,
            Remediation = remediation,
            Equivalents = equivalents,
        },
        (obj, sink) =>
        {
            foreach (var rule in RbacRule.Of(obj))
            {
                if (test(rule) is { } message)
                {
                    sink.Report(obj, rule.Node, $"{obj.Kind} {obj.Name}: {message}");
                }
            }
        });
}
