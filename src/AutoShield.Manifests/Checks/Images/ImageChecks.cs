namespace AutoShield.Manifests.Checks.Images;

/// <summary>Image tags, pull policy, digests and registries.</summary>
internal static class ImageChecks
{
    public static readonly ICheck LatestTag = new ContainerCheck(
        Definition("image-latest-tag", "Image uses latest or no tag", Severity.Medium,
            "An image without a tag or tagged latest changes under the same name: rollouts are not reproducible and a rollback may not roll back.",
            "Pin a version tag (nginx:1.27.2), better a digest (nginx@sha256:...).",
            new() { KubeLinter = "latest-tag", Polaris = "tagNotSpecified", KubeScore = "container-image-tag", Checkov = "CKV_K8S_14", Trivy = "KSV-0013" }),
        (c, sink) =>
        {
            if (c.Image is { } image && c.ImageReference is { IsMutableLatest: true } r)
            {
                sink.Report(c, c.ImageNode, r.Tag is null ? $"{c.Label} image {image} has no tag" : $"{c.Label} image {image} uses the latest tag");
            }
        });

    public static readonly ICheck PullPolicy = new ContainerCheck(
        Definition("image-pull-policy", "Mutable image not pulled Always", Severity.Low,
            "The image has no digest and a latest or absent tag, yet imagePullPolicy is IfNotPresent or Never: nodes may run a stale image. (Left unset, Kubernetes defaults such images to Always, which passes.)",
            "Set imagePullPolicy: Always, or pin the image by digest.",
            new() { Polaris = "pullPolicyNotAlways", KubeScore = "container-image-pull-policy", Checkov = "CKV_K8S_15", Kubescape = "C-0075", KubescapeRule = "image-pull-policy-is-not-set-to-always" }),
        (c, sink) =>
        {
            var policy = c.Node.Get("imagePullPolicy");
            if (c.Image is { } image && c.ImageReference is { IsMutableLatest: true } && policy?.AsString() is { } p && p != "Always")
            {
                sink.Report(c, policy, $"{c.Label} pulls mutable image {image} with imagePullPolicy {p}");
            }
        });

    public static readonly ICheck Digest = new ContainerCheck(
        Definition("image-not-pinned-by-digest", "Image not pinned by digest", Severity.Low,
            "A tag can be moved to other content; only a digest names exactly one image.",
            "Reference the image as name@sha256:<digest> (a tag may stay for readability: name:tag@sha256:...).",
            new() { Checkov = "CKV_K8S_43", Kubescape = "C-0306" }, enabled: false),
        (c, sink) =>
        {
            if (c.Image is { } image && c.ImageReference is { Digest: null })
            {
                sink.Report(c, c.ImageNode, $"{c.Label} image {image} is not pinned by digest");
            }
        });

    public static readonly ICheck Untrusted = new ContainerCheck(
        Definition("image-untrusted-registry", "Image from a registry not on the trusted list", Severity.High,
            "The image comes from a registry outside the configured trusted list (trustedRegistries in the config). Without a list this check reports nothing.",
            "Mirror the image into a trusted registry, or add the registry to trustedRegistries.",
            new() { Polaris = "imageRegistry", Trivy = "KSV-0125", Kubescape = "C-0001, C-0078", KubescapeRule = "container-image-repository" }),
        (c, sink) =>
        {
            var trusted = sink.Options.TrustedRegistries;
            if (trusted.Count == 0 || c.Image is not { } image)
            {
                return;
            }

            var r = c.ImageReference!.Value;
            var full = r.Registry + "/" + r.Repository;
            if (!trusted.Any(t => full == t || full.StartsWith(t.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                sink.Report(c, c.ImageNode, $"{c.Label} image {image} comes from {r.Registry}, which is not trusted");
            }
        });

    public static readonly ICheck DeprecatedRegistry = new ContainerCheck(
        Definition("image-deprecated-registry", "Image from the frozen k8s.gcr.io registry", Severity.Low,
            "k8s.gcr.io is frozen: it receives no new images or security fixes (registry.k8s.io replaced it).",
            "Use registry.k8s.io instead of k8s.gcr.io.",
            new() { Kubescape = "C-0253" }),
        (c, sink) =>
        {
            if (c.Image is { } image && c.ImageReference is { Registry: "k8s.gcr.io" })
            {
                sink.Report(c, c.ImageNode, $"{c.Label} image {image} comes from k8s.gcr.io");
            }
        });

    public static IEnumerable<ICheck> All() => [LatestTag, PullPolicy, Digest, Untrusted, DeprecatedRegistry];

    private static CheckDefinition Definition(string id, string title, Severity severity, string description, string remediation, CheckEquivalents equivalents, bool enabled = true) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Category = "images",
        Kinds = CheckKinds.Workloads,
        Url = Links.Images,
        EnabledByDefault = enabled,
        Description = description,
        Remediation = remediation,
        Equivalents = equivalents,
    };
}
