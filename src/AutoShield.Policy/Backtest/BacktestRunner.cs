using AutoShield.Core.Detections;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;

namespace AutoShield.Policy.Backtest;

/// <summary>
/// A dry run of a policy against recorded detections: the same engine and safety controller as live, on a clock that
/// follows the detections' event times and a dry-run actuator, so the report shows which actions would have fired,
/// on what, when, and which the safety controller would have stopped.
/// </summary>
public static class BacktestRunner
{
    /// <param name="detections">Detections in event-time order.</param>
    public static async Task<BacktestReport> RunAsync(IReadOnlyList<Detection> detections, PolicySet policy, BacktestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BacktestOptions();
        var inventory = options.Inventory ?? InventoryBuilder.FromDetections(detections);
        var clock = new ReplayClock(detections.Count > 0 ? detections[0].Time : DateTimeOffset.UnixEpoch);
        var safety = new SafetyController(new DryRunActuator(), options.Safety with { DryRun = true }, clock, inventory);
        var engine = new PolicyEngine(policy, options.Decisions);
        var responder = new PolicyResponder(engine, safety);
        var rows = new List<BacktestRow>();
        var suppressed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var detection in detections)
        {
            clock.MoveTo(detection.Time);
            await safety.TickAsync(cancellationToken);
            foreach (var response in await responder.HandleAsync(detection, cancellationToken))
            {
                var decision = response.Decision;
                if (decision.Outcome == DecisionOutcome.Suppressed)
                {
                    suppressed[decision.Rule] = suppressed.GetValueOrDefault(decision.Rule) + 1;
                }

                for (var i = 0; i < decision.Actions.Count; i++)
                {
                    var request = decision.Actions[i];
                    var verdict = response.Verdicts[i];
                    rows.Add(new BacktestRow(
                        decision.Time,
                        decision.Rule,
                        decision.AttackClass,
                        decision.DetectionId,
                        request.ActionType,
                        request.Target.Key,
                        decision.Outcome == DecisionOutcome.Monitor ? "monitor" : "enforce",
                        decision.Level,
                        Result(verdict.Kind),
                        verdict.Reason is { } r ? SafetyMetricNames.Label(r) : null,
                        verdict.Message));
                }
            }
        }

        var results = safety.ResultsByKind;
        return new BacktestReport(
            policy.Version,
            detections.Count > 0 ? detections[0].Time : null,
            detections.Count > 0 ? detections[^1].Time : null,
            rows,
            new BacktestSummary
            {
                Detections = engine.DetectionsTotal,
                Unmatched = engine.UnmatchedTotal,
                DecisionsByOutcome = engine.DecisionsByOutcome.ToDictionary(kv => kv.Key.ToString().ToLowerInvariant(), kv => kv.Value, StringComparer.Ordinal),
                WouldApply = rows.LongCount(r => r.Result == "would_apply"),
                Refused = rows.LongCount(r => r.Result == "refused"),
                Monitored = rows.LongCount(r => r.Result == "monitor"),
                PendingApproval = rows.LongCount(r => r.Result == "pending_approval"),
                Reverted = results.GetValueOrDefault(VerdictKind.Reverted),
                RefusedByReason = rows.Where(r => r.Reason is not null).GroupBy(r => r.Reason!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal),
                ActionsByRule = rows.GroupBy(r => r.Rule, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal),
                SuppressedByRule = suppressed,
            });
    }

    private static string Result(VerdictKind kind) => kind switch
    {
        VerdictKind.Applied or VerdictKind.DryRun => "would_apply",
        VerdictKind.Refused => "refused",
        VerdictKind.Monitored => "monitor",
        VerdictKind.PendingApproval => "pending_approval",
        _ => "failed",
    };
}
