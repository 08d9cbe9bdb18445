using AutoShield.Core.Actions;

namespace AutoShield.Cli.Commands;

/// <summary>One element of <c>autoshield actions list --output json</c>.</summary>
public sealed record ActionsListEntry(
    string Id,
    string ActionType,
    string Target,
    string TargetKind,
    ActionState State,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? Expires,
    string Rule,
    bool? Effective,
    string? LastError);
