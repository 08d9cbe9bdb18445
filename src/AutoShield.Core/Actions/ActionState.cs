namespace AutoShield.Core.Actions;

/// <summary>Where an action stands in the ledger; written before each API call, so a crash can be reconciled.</summary>
public enum ActionState
{
    Pending,
    Applied,
    Failed,
    Reverted,
    Expired,
}
