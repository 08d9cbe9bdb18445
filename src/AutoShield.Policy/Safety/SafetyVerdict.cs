using AutoShield.Core.Actions;

namespace AutoShield.Policy.Safety;

/// <summary>The answer to one request: what was done, why, and the actuator's outcome when it ran.</summary>
public sealed record SafetyVerdict(string ActionId, VerdictKind Kind, string Message)
{
    public RefusalReason? Reason { get; init; }

    public ActionOutcome? Outcome { get; init; }

    /// <summary>Id to approve or deny when <see cref="Kind"/> is <see cref="VerdictKind.PendingApproval"/>.</summary>
    public string? ApprovalId { get; init; }

    public bool Allowed => Kind is VerdictKind.Applied or VerdictKind.DryRun;
}
