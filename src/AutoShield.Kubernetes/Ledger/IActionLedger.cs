namespace AutoShield.Kubernetes.Ledger;

/// <summary>
/// The actuator's durable memory: every action with its state, written before each API call, so that after a crash
/// the reconciler can finish, retry or revert what was in flight.
/// </summary>
public interface IActionLedger
{
    Task<ActionRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the record; durable when the task completes.</summary>
    Task SaveAsync(ActionRecord record, CancellationToken cancellationToken = default);

    /// <summary>All records, oldest first.</summary>
    Task<IReadOnlyList<ActionRecord>> ListAsync(CancellationToken cancellationToken = default);
}
