using System.Globalization;
using AutoShield.Core.Actions;
using AutoShield.Core.Detections;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Decisions;

/// <summary>
/// Decides what the policy asks for about each detection: the rules of its class (and CUSTOM_ATTACK rules with a
/// condition) are matched on confidence, condition and exceptions; per rule and target it applies the dedup window,
/// the cooldown and escalation. Cooldowns run on the detections' event time, so a backtest decides as live would.
/// Not thread-safe: one engine per decision loop.
/// </summary>
public sealed class PolicyEngine
{
    private readonly Func<PolicySet> _policy;
    private readonly DecisionOptions _options;
    private readonly BoundedLru<(string Rule, string Target), RuleTargetState> _states;
    private readonly BoundedLru<(string Rule, string Detection), bool> _seen;
    private readonly Dictionary<DecisionOutcome, long> _byOutcome = [];

    public PolicyEngine(Func<PolicySet> policy, DecisionOptions? options = null)
    {
        _policy = policy;
        _options = options ?? new DecisionOptions();
        _states = new(_options.MaxTrackedTargets);
        _seen = new(_options.RecentDetectionIds);
    }

    public PolicyEngine(PolicySet policy, DecisionOptions? options = null)
        : this(() => policy, options)
    {
    }

    /// <summary>autoshield_policy_detections_total.</summary>
    public long DetectionsTotal { get; private set; }

    /// <summary>autoshield_policy_decisions_total{outcome=...}.</summary>
    public IReadOnlyDictionary<DecisionOutcome, long> DecisionsByOutcome => _byOutcome;

    /// <summary>Detections no rule matched (class, confidence or condition).</summary>
    public long UnmatchedTotal { get; private set; }

    public IReadOnlyList<Decision> Evaluate(Detection detection)
    {
        DetectionsTotal++;
        var policy = _policy();
        // Cooldowns survive a reload: state is keyed by rule name, so a renamed rule simply starts fresh.
        var context = new PolicyContext(detection, _options.TimeZone);
        var decisions = new List<Decision>();
        foreach (var rule in policy.RulesFor(detection.AttackClass))
        {
            Consider(rule, detection, context, detection.AttackClass, decisions);
        }

        if (!string.Equals(detection.AttackClass, AttackClass.CustomAttack, StringComparison.Ordinal))
        {
            foreach (var rule in policy.CustomRules)
            {
                // A custom rule with a condition is a detector of its own: it raises CUSTOM_ATTACK on any detection it matches.
                if (rule.Condition is not null)
                {
                    Consider(rule, detection, context, AttackClass.CustomAttack, decisions);
                }
            }
        }

        if (decisions.Count == 0)
        {
            UnmatchedTotal++;
        }

        foreach (var decision in decisions)
        {
            _byOutcome[decision.Outcome] = _byOutcome.GetValueOrDefault(decision.Outcome) + 1;
        }

        return decisions;
    }

    private void Consider(PolicyRule rule, Detection detection, PolicyContext context, string attackClass, List<Decision> decisions)
    {
        if (detection.Confidence < rule.ConfidenceThreshold || (rule.Condition is { } condition && !condition.Evaluate(context)))
        {
            return;
        }

        var target = TargetResolver.Resolve(detection, rule.Target);
        Decision Make(DecisionOutcome outcome, string reason, int level = 0, int persistence = 0) => new()
        {
            Time = detection.Time,
            Rule = rule.Name,
            Severity = rule.Severity,
            DetectionId = detection.Id,
            AttackClass = attackClass,
            Confidence = detection.Confidence,
            Target = target,
            Outcome = outcome,
            Level = level,
            Persistence = persistence,
            Reason = reason,
        };

        if (_seen.TryGet((rule.Name, detection.Id), out _))
        {
            decisions.Add(Make(DecisionOutcome.Duplicate, $"detection {detection.Id} was already decided by this rule"));
            return;
        }

        _seen.Set((rule.Name, detection.Id), true);
        var excepted = rule.Exceptions.FirstOrDefault(e => e.Evaluate(context));
        if (excepted is not null)
        {
            decisions.Add(Make(DecisionOutcome.Excepted, $"exception matched: {excepted.Text.Trim()}"));
            return;
        }

        var state = _states.GetOrAdd((rule.Name, target.Key), static () => new RuleTargetState());
        var persistence = Persist(rule, state, detection.Time, _options.DedupWindow);
        var level = 0;
        for (var i = rule.Escalation.Count - 1; i >= 0; i--)
        {
            if (persistence >= rule.Escalation[i].AfterDetections)
            {
                level = i + 1;
                break;
            }
        }

        if (state.LastActed is { } last)
        {
            var since = detection.Time - last;
            var escalated = level > state.LastLevel;
            var quiet = rule.Cooldown > _options.DedupWindow ? rule.Cooldown : _options.DedupWindow;
            if (!escalated && since < quiet)
            {
                state.Suppressed++;
                decisions.Add(Make(DecisionOutcome.Suppressed, $"cooldown: acted on {target} {Seconds(since)} ago (cooldown {Seconds(rule.Cooldown)})", level, persistence));
                return;
            }
        }

        var suppressed = state.Suppressed;
        state.Suppressed = 0;
        state.LastActed = detection.Time;
        state.LastLevel = level;
        var actions = rule.ActionsAt(level);
        var requests = new ActionRequest[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            requests[i] = new ActionRequest
            {
                Id = ActionId(detection.Id, rule.Name, level, i),
                ActionType = actions[i].ActionType,
                Target = target,
                Parameters = actions[i].Parameters,
                Rule = rule.Name,
                Detection = detection,
                Ttl = actions[i].Ttl ?? rule.Ttl,
                DryRun = rule.Mode == RuleMode.Monitor,
                Requested = detection.Time,
            };
        }

        var outcome = rule.Mode == RuleMode.Monitor ? DecisionOutcome.Monitor : DecisionOutcome.Act;
        var reason = $"{attackClass} at confidence {detection.Confidence.ToString("0.###", CultureInfo.InvariantCulture)}"
            + (level > 0 ? $", escalated to step {level.ToString(CultureInfo.InvariantCulture)} after {persistence.ToString(CultureInfo.InvariantCulture)} sightings" : string.Empty)
            + (suppressed > 0 ? $", {suppressed.ToString(CultureInfo.InvariantCulture)} suppressed since the last action" : string.Empty);
        decisions.Add(Make(outcome, reason, level, persistence) with { Actions = requests, SuppressedSinceLast = suppressed });
    }

    /// <summary>
    /// A stable id per detection, rule, level and action, usable where Kubernetes needs one (a lowercase DNS label for
    /// the <c>autoshield.io/action-id</c> label and object names) and in URL paths: "a-" and 16 hex digits of a hash.
    /// The request itself carries the rule and detection it came from.
    /// </summary>
    internal static string ActionId(string detectionId, string rule, int level, int index)
    {
        var key = $"{detectionId}\n{rule}\n{level.ToString(CultureInfo.InvariantCulture)}\n{index.ToString(CultureInfo.InvariantCulture)}";
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), hash);
        return "a-" + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>
    /// Records this match and returns how many sightings of the rule on the target fall inside the escalation window.
    /// Matches closer than the dedup window to the last sighting count once, so a burst of windows in 100 ms is one
    /// sighting and persistence means the attack went on, not that it was fast.
    /// </summary>
    private static int Persist(PolicyRule rule, RuleTargetState state, DateTimeOffset time, TimeSpan spacing)
    {
        var recent = state.Recent;
        while (recent.Count > 0 && time - recent.Peek() > rule.EscalationWindow)
        {
            recent.Dequeue();
        }

        if (recent.Count > 0 && state.LastSighting is { } last && time - last < spacing)
        {
            return recent.Count;
        }

        recent.Enqueue(time);
        state.LastSighting = time;
        var cap = rule.Escalation.Count == 0 ? 1 : rule.Escalation[^1].AfterDetections;
        while (recent.Count > cap)
        {
            recent.Dequeue();
        }

        return recent.Count;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
}
