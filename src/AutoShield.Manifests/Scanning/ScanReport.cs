using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;

namespace AutoShield.Manifests.Scanning;

/// <summary>The result of one scan: findings in file order, what was suppressed and why, errors, notices, scores.</summary>
public sealed class ScanReport
{
    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<SuppressedFinding> Suppressed { get; init; }

    public required IReadOnlyList<ScanError> Errors { get; init; }

    public required IReadOnlyList<ScanNotice> Notices { get; init; }

    public required IReadOnlyList<ObjectSummary> Objects { get; init; }

    public required IReadOnlyList<FileSummary> Files { get; init; }

    /// <summary>The checks that ran, for SARIF rule tables and "what was checked" listings.</summary>
    public required IReadOnlyList<CheckDefinition> ChecksRun { get; init; }

    public required KubernetesVersion KubernetesVersion { get; init; }

    public PssLevel? Pss { get; init; }

    public Severity? HighestSeverity => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);

    /// <summary>The findings of one object.</summary>
    public IEnumerable<Finding> FindingsFor(ObjectRef obj) => Findings.Where(f => f.Object == obj);

    /// <summary>
    /// The findings of the workload a running pod belongs to, as a detection knows it: namespace and workload name,
    /// and the kind when known. An object whose manifest left the namespace unset matches any namespace.
    /// </summary>
    public IEnumerable<Finding> FindingsForWorkload(string ns, string name, string? kind = null) =>
        Findings.Where(f => f.Object.Name == name
            && (kind is null || f.Object.Kind == kind)
            && (f.Object.Namespace.Length == 0 || f.Object.Namespace == ns));
}
