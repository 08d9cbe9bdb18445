using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Safety;

/// <summary>One entry of the safety log: every allow, refusal, failure, approval step and revert, with its reason.</summary>
public sealed record SafetyRecord(
    DateTimeOffset Time,
    string Rule,
    string Target,
    string ActionType,
    string ActionId,
    Severity Severity,
    VerdictKind Kind,
    RefusalReason? Reason,
    string Message)
{
    public string ReasonLabel => Reason is { } r ? SafetyMetricNames.Label(r) : string.Empty;
}
