using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;

namespace AutoShield.Manifests.Scanning;

/// <summary>How to scan: which checks, which Kubernetes version, which exemptions. Built by hand, or from a config file.</summary>
public sealed record ScanOptions
{
    public static ScanOptions Default { get; } = new();

    /// <summary>The cluster version the manifests target (API removals, PSS rules).</summary>
    public KubernetesVersion KubernetesVersion { get; init; } = KubernetesVersion.Latest;

    /// <summary>
    /// When set, of the built-in checks only the Pod Security Standards checks of that level run, with PSA's exact
    /// semantics; custom checks from the config still run (the user asked for them too).
    /// </summary>
    public PssLevel? Pss { get; init; }

    /// <summary>Off-by-default checks to turn on, by id.</summary>
    public IReadOnlySet<string> EnabledChecks { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> DisabledChecks { get; init; } = new HashSet<string>();

    /// <summary>When not empty, exactly these checks run (whatever their default).</summary>
    public IReadOnlySet<string> OnlyChecks { get; init; } = new HashSet<string>();

    /// <summary>Checks below this severity do not run.</summary>
    public Severity MinSeverity { get; init; } = Severity.Info;

    /// <summary>Registry prefixes (<c>registry.example.com</c>, <c>ghcr.io/acme</c>) images must come from; empty = no rule.</summary>
    public IReadOnlyList<string> TrustedRegistries { get; init; } = [];

    /// <summary>Whether <c>autoshield.io/ignore</c> annotations are honoured (off for audits that trust no manifest).</summary>
    public bool HonourIgnoreAnnotations { get; init; } = true;

    public IReadOnlyList<ScanExemption> Exemptions { get; init; } = [];

    public ManifestLimits Limits { get; init; } = ManifestLimits.Default;

    public WorkloadKinds WorkloadKinds { get; init; } = WorkloadKinds.Default;

    public CheckRegistry Registry { get; init; } = CheckRegistry.BuiltIn;

    /// <summary>Whether <paramref name="definition"/> runs under these options.</summary>
    public bool IsActive(CheckDefinition definition)
    {
        var profileOk = definition.Profile == CheckProfile.Custom || Pss switch
        {
            null => definition.Profile == CheckProfile.Default,
            PssLevel.Baseline => definition.Profile == CheckProfile.PssBaseline,
            _ => definition.Profile is CheckProfile.PssBaseline or CheckProfile.PssRestricted,
        };
        if (!profileOk || DisabledChecks.Contains(definition.Id) || definition.Severity < MinSeverity)
        {
            return false;
        }

        return OnlyChecks.Count > 0 ? OnlyChecks.Contains(definition.Id) : definition.EnabledByDefault || EnabledChecks.Contains(definition.Id);
    }
}
