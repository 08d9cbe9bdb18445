using AutoShield.Core.Actions;

namespace AutoShield.Cli.Commands;

/// <summary>What <c>autoshield act --output json</c> prints.</summary>
public sealed record ActResult(string Id, string ActionType, string Target, string TargetKind, ActionState State, bool DryRun, string Message);
