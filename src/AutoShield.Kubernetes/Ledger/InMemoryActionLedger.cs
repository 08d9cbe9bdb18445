using System.Collections.Concurrent;

namespace AutoShield.Kubernetes.Ledger;

/// <summary>A ledger in memory, for tests, benchmarks and dry runs; it does not survive the process.</summary>
public sealed class InMemoryActionLedger : IActionLedger
{
    private readonly ConcurrentDictionary<string, ActionRecord> _records = new(StringComparer.Ordinal);

    public Task<ActionRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault(id));

    public Task SaveAsync(ActionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[record.Id] = record;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ActionRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActionRecord>>([.. _records.Values.OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal)]);
}
