namespace AutoShield.Policy.Safety;

/// <summary>Why the safety controller refused an action; the metric label is the snake_case name (<see cref="SafetyMetricNames.Label"/>).</summary>
public enum RefusalReason
{
    KillSwitch,
    ProtectedNamespace,
    ProtectedLabel,
    AlreadyActive,
    TargetRateLimit,
    GlobalRateLimit,
    BlastRadiusActions,
    BlastRadiusWorkload,
    BlastRadiusNodes,
    CircuitOpen,
    ApprovalDenied,
    ApprovalExpired,
    /// <summary>A cluster-changing action whose target is a bare address: no pod or workload to act on.</summary>
    UnattributedTarget,
}
