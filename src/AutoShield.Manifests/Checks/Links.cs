namespace AutoShield.Manifests.Checks;

/// <summary>Kubernetes documentation pages the checks link to.</summary>
internal static class Links
{
    public const string SecurityContext = "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/";
    public const string PodSecurityStandards = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";
    public const string Seccomp = "https://kubernetes.io/docs/tutorials/security/seccomp/";
    public const string AppArmor = "https://kubernetes.io/docs/tutorials/security/apparmor/";
    public const string Sysctls = "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/";
    public const string Volumes = "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath";
    public const string Resources = "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/";
    public const string Probes = "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/";
    public const string Images = "https://kubernetes.io/docs/concepts/containers/images/";
    public const string ServiceAccounts = "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/";
    public const string Secrets = "https://kubernetes.io/docs/concepts/security/secrets-good-practices/";
    public const string Namespaces = "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/";
    public const string Services = "https://kubernetes.io/docs/concepts/services-networking/service/";
    public const string Ingress = "https://kubernetes.io/docs/concepts/services-networking/ingress/#tls";
    public const string NetworkPolicies = "https://kubernetes.io/docs/concepts/services-networking/network-policies/";
    public const string Labels = "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";
    public const string Rbac = "https://kubernetes.io/docs/concepts/security/rbac-good-practices/";
    public const string Deprecations = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";
    public const string IngressNginxSnippets = "https://github.com/kubernetes/ingress-nginx/issues/7837";
}
