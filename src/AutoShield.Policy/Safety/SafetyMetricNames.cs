namespace AutoShield.Policy.Safety;

/// <summary>Prometheus names of the safety controller's counters and gauges, for the metrics exporter.</summary>
public static class SafetyMetricNames
{
    /// <summary>Counter, label <c>reason</c>.</summary>
    public const string Refusals = "autoshield_safety_refusals_total";

    /// <summary>Counter, label <c>result</c> (applied, dry_run, failed, pending_approval).</summary>
    public const string Actions = "autoshield_safety_actions_total";

    public const string Reverts = "autoshield_safety_reverts_total";

    public const string ActiveActions = "autoshield_safety_active_actions";

    public const string PendingApprovals = "autoshield_safety_pending_approvals";

    /// <summary>Gauge: 1 while the circuit breaker on actuator failures is open.</summary>
    public const string CircuitOpen = "autoshield_safety_circuit_open";

    public const string KillSwitch = "autoshield_safety_kill_switch";

    /// <summary>The snake_case label value of a reason (<c>protected_namespace</c>).</summary>
    public static string Label(RefusalReason reason) => reason switch
    {
        RefusalReason.KillSwitch => "kill_switch",
        RefusalReason.ProtectedNamespace => "protected_namespace",
        RefusalReason.ProtectedLabel => "protected_label",
        RefusalReason.AlreadyActive => "already_active",
        RefusalReason.TargetRateLimit => "target_rate_limit",
        RefusalReason.GlobalRateLimit => "global_rate_limit",
        RefusalReason.BlastRadiusActions => "blast_radius_actions",
        RefusalReason.BlastRadiusWorkload => "blast_radius_workload",
        RefusalReason.BlastRadiusNodes => "blast_radius_nodes",
        RefusalReason.CircuitOpen => "circuit_open",
        RefusalReason.ApprovalDenied => "approval_denied",
        RefusalReason.UnattributedTarget => "unattributed_target",
        _ => "approval_expired",
    };
}
