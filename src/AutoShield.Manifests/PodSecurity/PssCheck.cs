using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.PodSecurity;

/// <summary>
/// One Pod Security Standards rule as pod-security-admission implements it, applied only from the Kubernetes minor
/// version that introduced it (the scan's --k8s-version pins it). The id is <c>pss.&lt;PSA check id&gt;</c>.
/// </summary>
internal sealed class PssCheck : IObjectCheck
{
    private readonly Action<PodSpecView, FindingSink> _evaluate;

    public PssCheck(string psaId, PssLevel level, int sinceMinor, string title, string description, string remediation, Action<PodSpecView, FindingSink> evaluate)
    {
        SinceMinor = sinceMinor;
        _evaluate = evaluate;
        var levelName = level == PssLevel.Baseline ? "baseline" : "restricted";
        Definition = new CheckDefinition
        {
            Id = "pss." + psaId,
            Title = $"PSS {levelName}: {title}",
            Severity = level == PssLevel.Baseline ? Severity.High : Severity.Medium,
            Category = "pod-security-standards",
            Kinds = CheckKinds.Workloads,
            Url = "https://kubernetes.io/docs/concepts/security/pod-security-standards/#" + levelName,
            Profile = level == PssLevel.Baseline ? CheckProfile.PssBaseline : CheckProfile.PssRestricted,
            Description = description + (sinceMinor > 0 ? $" Enforced from Kubernetes 1.{sinceMinor}." : ""),
            Remediation = remediation,
            Equivalents = new() { Pss = $"{levelName}/{psaId}" },
        };
    }

    public CheckDefinition Definition { get; }

    public int SinceMinor { get; }

    public void Evaluate(ManifestObject obj, FindingSink sink)
    {
        if (obj.PodSpec is { } pod && sink.Options.KubernetesVersion.AtLeast(1, SinceMinor))
        {
            _evaluate(pod, sink);
        }
    }
}
