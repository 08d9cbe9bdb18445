using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Kubernetes.Effects;

/// <summary>
/// The effect check: after an action is applied, counts the detections the pipeline reports for its target during
/// the observation period; then records <c>effective</c> in the ledger and, when the attack went on, returns an
/// escalation request for the next action (which goes through policy and safety like any other).
/// </summary>
public sealed class EffectMonitor : IEffectObserver
{
    private readonly IActionLedger _ledger;
    private readonly TimeProvider _time;
    private readonly EffectOptions _options;

    // Reports arrive from pipeline threads while EvaluateDueAsync reads them: guarded by _gate.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(DateTimeOffset Time, int Count)>> _reports = new(StringComparer.Ordinal);

    public EffectMonitor(IActionLedger ledger, TimeProvider time, EffectOptions? options = null)
    {
        _ledger = ledger;
        _time = time;
        _options = options ?? new EffectOptions();
    }

    public void Report(ActionTarget target, DateTimeOffset time, int detections)
    {
        ArgumentNullException.ThrowIfNull(target);
        var horizon = _time.GetUtcNow() - (2 * _options.ObservationPeriod);
        lock (_gate)
        {
            if (!_reports.TryGetValue(target.Key, out var list))
            {
                list = [];
                _reports[target.Key] = list;
            }

            // Bounded: nothing older than two observation periods can matter to an action still being watched.
            list.RemoveAll(r => r.Time < horizon);
            list.Add((time, detections));
        }
    }

    /// <summary>Judges every applied action whose observation period is over and that has no verdict yet.</summary>
    public async Task<IReadOnlyList<EffectVerdict>> EvaluateDueAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var verdicts = new List<EffectVerdict>();
        foreach (var record in await _ledger.ListAsync(cancellationToken))
        {
            var end = record.Updated + _options.ObservationPeriod;
            if (record.State != ActionState.Applied || record.Effective is not null || end > now)
            {
                continue;
            }

            var after = Count(record.Target, record.Updated, end);
            var effective = after <= _options.Tolerance;
            await _ledger.SaveAsync(record with { Effective = effective }, cancellationToken);
            verdicts.Add(new EffectVerdict(record.Id, effective, after, effective ? null : Escalation(record, now)));
        }

        return verdicts;
    }

    private int Count(ActionTarget target, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return _reports.TryGetValue(target.Key, out var list) ? list.Where(r => r.Time > from && r.Time <= to).Sum(r => r.Count) : 0;
        }
    }

    private ActionRequest? Escalation(ActionRecord record, DateTimeOffset now) =>
        _options.Escalations.TryGetValue(record.ActionType, out var next)
            ? new ActionRequest
            {
                Id = ActionIds.New(),
                ActionType = next,
                Target = record.Target,
                Rule = $"{record.Rule} (escalated from {record.Id})",
                Requested = now,
            }
            : null;
}
