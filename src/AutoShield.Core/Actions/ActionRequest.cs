using AutoShield.Core.Detections;

namespace AutoShield.Core.Actions;

/// <summary>
/// One action a decision asks for: its type and validated parameters, the target, and where it came from (rule and
/// detection), so that the ledger, the audit trail and the explanation can all say why it ran.
/// </summary>
public sealed record ActionRequest
{
    /// <summary>Stable id, written on the objects the action creates or changes as <c>autoshield.io/action-id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="ActionType"/>.</summary>
    public required string ActionType { get; init; }

    public required ActionTarget Target { get; init; }

    /// <summary>The policy's parameters as text (lists joined by commas), already validated by the action.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Policy rule that asked for it, or "manual" for a person's <c>autoshield act</c>.</summary>
    public string Rule { get; init; } = "manual";

    public Detection? Detection { get; init; }

    /// <summary>When the action reverts itself; null keeps it until someone reverts it.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>Server-side dry run: everything is checked and nothing changes.</summary>
    public bool DryRun { get; init; }

    public required DateTimeOffset Requested { get; init; }
}
