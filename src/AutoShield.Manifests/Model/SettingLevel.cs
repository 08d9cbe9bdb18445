namespace AutoShield.Manifests.Model;

/// <summary>Where an effective security setting came from.</summary>
public enum SettingLevel
{
    Container,
    Pod,

    /// <summary>A legacy annotation (seccomp, AppArmor) on the pod or its template.</summary>
    Annotation,
}
