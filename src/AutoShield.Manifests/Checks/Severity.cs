namespace AutoShield.Manifests.Checks;

/// <summary>How bad a finding is; ordered so that comparisons read naturally (High &gt; Medium).</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
