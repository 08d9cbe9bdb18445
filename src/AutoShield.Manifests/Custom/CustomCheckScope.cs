namespace AutoShield.Manifests.Custom;

/// <summary>What a custom check's condition sees: the whole object once, or each container of a workload in turn.</summary>
public enum CustomCheckScope
{
    Object,
    Container,
}
