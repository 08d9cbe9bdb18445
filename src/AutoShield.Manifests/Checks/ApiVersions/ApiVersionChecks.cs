using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks.ApiVersions;

/// <summary>apiVersions the target Kubernetes version deprecates or no longer serves (--k8s-version).</summary>
internal static class ApiVersionChecks
{
    public static readonly ICheck Removed = new ObjectCheck(
        Definition("removed-api-version", "API version removed", Severity.High,
            "The target Kubernetes version no longer serves this apiVersion for this kind: applying the manifest fails.",
            new() { KubeLinter = "no-extensions-v1beta", KubeScore = "stable-version", Trivy = "KSV-0107" }),
        (obj, sink) =>
        {
            var version = sink.Options.KubernetesVersion;
            if (ApiDeprecations.Find(obj.ApiVersion, obj.Kind) is { RemovedIn: { } removed } d && version >= new KubernetesVersion(1, removed))
            {
                sink.Report(obj, obj.Root.Get("apiVersion"), $"{obj.ApiVersion} {obj.Kind} was removed in 1.{removed}; use {d.Replacement}");
            }
        });

    public static readonly ICheck Deprecated = new ObjectCheck(
        Definition("deprecated-api-version", "API version deprecated", Severity.Low,
            "The target Kubernetes version still serves this apiVersion for this kind but has deprecated it: a later upgrade will break the manifest.",
            new() { KubeScore = "stable-version", Trivy = "KSV-0107" }),
        (obj, sink) =>
        {
            var version = sink.Options.KubernetesVersion;
            if (ApiDeprecations.Find(obj.ApiVersion, obj.Kind) is { } d && version >= new KubernetesVersion(1, d.DeprecatedIn)
                && (d.RemovedIn is null || version < new KubernetesVersion(1, d.RemovedIn.Value)))
            {
                var until = d.RemovedIn is { } r ? $", removed in 1.{r}" : "";
                sink.Report(obj, obj.Root.Get("apiVersion"), $"{obj.ApiVersion} {obj.Kind} is deprecated since 1.{d.DeprecatedIn}{until}; use {d.Replacement}");
            }
        });

    public static IEnumerable<ICheck> All() => [Removed, Deprecated];

    private static CheckDefinition Definition(string id, string title, Severity severity, string description, CheckEquivalents equivalents) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Category = "api-versions",
        Kinds = CheckKinds.Any,
        Url = Links.Deprecations,
        Description = description,
        Remediation = "Move the manifest to the replacement apiVersion (kubectl convert helps) before upgrading the cluster.",
        Equivalents = equivalents,
    };
}
