namespace AutoShield.Manifests.PodSecurity;

/// <summary>A Pod Security Standards level to enforce (privileged, the third level, enforces nothing).</summary>
public enum PssLevel
{
    Baseline,
    Restricted,
}
