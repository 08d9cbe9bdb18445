namespace AutoShield.Core.Actions;

/// <summary>What became of an apply or revert: the state the ledger now holds and a sentence on why.</summary>
public sealed record ActionOutcome(string ActionId, ActionState State, string Message);
