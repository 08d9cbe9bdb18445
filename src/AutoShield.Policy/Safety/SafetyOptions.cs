using AutoShield.Core.Actions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Safety;

/// <summary>
/// The limits between policy and actuator. Defaults are conservative; <see cref="AlwaysProtectedNamespaces"/> are
/// protected whatever is configured, so AutoShield can never act on the control plane or on itself.
/// </summary>
public sealed record SafetyOptions
{
    public static readonly IReadOnlyList<string> AlwaysProtectedNamespaces = ["kube-system", "autoshield-system"];

    /// <summary>Destructive action types, the usual choice for <see cref="ApprovalRequiredFor"/>.</summary>
    public static readonly IReadOnlySet<string> DestructiveActions = new HashSet<string>(StringComparer.Ordinal) { ActionType.PodTermination, ActionType.NodeQuarantine };

    /// <summary>Namespaces protected in addition to <see cref="AlwaysProtectedNamespaces"/>.</summary>
    public IReadOnlyList<string> ProtectedNamespaces { get; init; } = [];

    /// <summary>Label selectors (<see cref="LabelSelector"/> syntax); a target whose labels match any is never acted on.</summary>
    public IReadOnlyList<string> ProtectedLabels { get; init; } = ["autoshield.io/protected=true"];

    /// <summary>Cluster-changing actions allowed per <see cref="BudgetWindow"/>, per severity: each severity spends only its own budget.</summary>
    public IReadOnlyDictionary<Severity, int> SeverityBudgets { get; init; } = new Dictionary<Severity, int>
    {
        [Severity.Low] = 5,
        [Severity.Medium] = 10,
        [Severity.High] = 20,
        [Severity.Critical] = 30,
    };

    public TimeSpan BudgetWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Cluster-changing actions on one target per <see cref="TargetWindow"/>.</summary>
    public int MaxActionsPerTarget { get; init; } = 3;

    public TimeSpan TargetWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Largest share of a workload's pods that active actions may touch at once (rounded down, but always at least one pod).</summary>
    public double MaxWorkloadShare { get; init; } = 0.5;

    /// <summary>Refuse pod actions on a workload whose pod count the inventory does not know (safe default).</summary>
    public bool RefuseUnknownWorkloadSize { get; init; } = true;

    /// <summary>Distinct nodes that active actions may touch at once.</summary>
    public int MaxNodes { get; init; } = 3;

    /// <summary>Active cluster-changing actions at once, all targets together.</summary>
    public int MaxActiveActions { get; init; } = 20;

    /// <summary>Everything is checked and recorded; the dry-run actuator runs instead of the real one.</summary>
    public bool DryRun { get; init; }

    /// <summary>Action types that wait for a person's approval.</summary>
    public IReadOnlySet<string> ApprovalRequiredFor { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of an action whose rule gives no <c>ttl_seconds</c>; null keeps it until reverted by hand.</summary>
    public TimeSpan? DefaultTtl { get; init; } = TimeSpan.FromHours(1);

    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumThroughput { get; init; } = 4;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Safety records kept in memory.</summary>
    public int LogCapacity { get; init; } = 10_000;

    public bool KillSwitch { get; init; }
}
