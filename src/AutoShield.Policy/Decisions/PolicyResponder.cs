using AutoShield.Core.Detections;
using AutoShield.Policy.Safety;

namespace AutoShield.Policy.Decisions;

/// <summary>
/// The decision half of the loop: a detection goes through the policy engine, and every action of an enforce
/// decision through the safety controller. Monitor decisions are previewed (would safety allow it?) and never run.
/// </summary>
public sealed class PolicyResponder
{
    private readonly PolicyEngine _engine;
    private readonly SafetyController _safety;
    private readonly Func<bool> _mayAct;

    /// <param name="mayAct">
    /// False while this replica must not act (a standby under leader election): enforce decisions are then previewed
    /// like monitor ones, so every replica still decides and explains, and only the leader changes the cluster.
    /// </param>
    public PolicyResponder(PolicyEngine engine, SafetyController safety, Func<bool>? mayAct = null)
    {
        _engine = engine;
        _safety = safety;
        _mayAct = mayAct ?? (static () => true);
    }

    public PolicyEngine Engine => _engine;

    public SafetyController Safety => _safety;

    public async ValueTask<IReadOnlyList<PolicyResponse>> HandleAsync(Detection detection, CancellationToken cancellationToken = default)
    {
        var decisions = _engine.Evaluate(detection);
        var responses = new List<PolicyResponse>(decisions.Count);
        foreach (var decision in decisions)
        {
            var verdicts = new List<SafetyVerdict>(decision.Actions.Count);
            foreach (var request in decision.Actions)
            {
                var standby = decision.Outcome != DecisionOutcome.Monitor && !_mayAct();
                if (decision.Outcome == DecisionOutcome.Monitor || standby)
                {
                    var mode = standby ? "standby replica (the leader acts)" : "monitor mode";
                    var refusal = _safety.Preview(request, decision.Severity, out var why);
                    verdicts.Add(refusal is { } reason
                        ? new SafetyVerdict(request.Id, VerdictKind.Refused, $"{mode}; safety would refuse: {why}") { Reason = reason }
                        : new SafetyVerdict(request.Id, VerdictKind.Monitored, $"{mode}: recorded, not run"));
                }
                else
                {
                    verdicts.Add(await _safety.SubmitAsync(request, decision.Severity, cancellationToken));
                }
            }

            responses.Add(new PolicyResponse(decision, verdicts));
        }

        return responses;
    }
}
