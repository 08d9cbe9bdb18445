namespace AutoShield.Core.Actions;

/// <summary>
/// Carries out actions the safety controller allowed. Implementations are idempotent (applying the same action id
/// twice changes the cluster once) and record every step in their ledger before acting.
/// </summary>
public interface IActuator
{
    /// <summary>Applies the action; a failure comes back as <see cref="ActionState.Failed"/>, not as an exception.</summary>
    ValueTask<ActionOutcome> ApplyAsync(ActionRequest request, CancellationToken cancellationToken);

    /// <summary>Puts the target back as it was before the action.</summary>
    ValueTask<ActionOutcome> RevertAsync(string actionId, CancellationToken cancellationToken);
}
