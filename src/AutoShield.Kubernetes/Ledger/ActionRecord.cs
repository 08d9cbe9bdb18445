using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Ledger;

/// <summary>
/// One action in the ledger: what was asked (type, target, parameters, rule, detection), where it stands, when it
/// expires, the prior state its revert needs (JSON), how many attempts it took, the last error, and whether it worked.
/// </summary>
public sealed record ActionRecord
{
    public required string Id { get; init; }

    public required string ActionType { get; init; }

    public required ActionTarget Target { get; init; }

    /// <summary>Resolved parameters (defaults filled in).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string Rule { get; init; } = "manual";

    public string? DetectionId { get; init; }

    /// <summary>The detection's explanation sentence, for events and alerts written after a restart.</summary>
    public string? Explanation { get; init; }

    public required ActionState State { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; init; }

    /// <summary>When the action reverts itself (state Expired); null keeps it.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>JSON of what the action overwrote, captured before the first change; null until captured.</summary>
    public string? PriorState { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    /// <summary>Whether the attack stopped after the action (the effect check); null until judged.</summary>
    public bool? Effective { get; init; }

    /// <summary>Set before a revert's API calls, cleared when the revert is recorded: a revert cut short is finished on start-up.</summary>
    public bool RevertRequested { get; init; }
}
