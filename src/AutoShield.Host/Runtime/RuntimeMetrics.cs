using AutoShield.Host.Api;
using AutoShield.Metrics;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Runtime;

/// <summary>
/// The process's Prometheus metrics: every stage of the loop (sources, detector, decisions, safety, policy,
/// effect check, leadership, API). Counters the stages keep themselves are brought up to date at each scrape.
/// </summary>
public sealed class RuntimeMetrics
{
    private static readonly double[] LatencyBuckets = Histogram.ExponentialBuckets(0.0001, 2, 16);
    private readonly AutoShieldRuntime _runtime;
    private readonly Counter _events;
    private readonly Counter _parseErrors;
    private readonly Counter _skipped;
    private readonly Counter _windows;
    private readonly Counter _detections;
    private readonly Counter _suppressed;
    private readonly Counter _decisions;
    private readonly Histogram _decisionLatency;
    private readonly Gauge _queueDepth;
    private readonly Counter _queueWaits;
    private readonly Counter _refusals;
    private readonly Counter _safetyResults;
    private readonly Gauge _activeActions;
    private readonly Gauge _pendingApprovals;
    private readonly Gauge _circuitOpen;
    private readonly Gauge _killSwitch;
    private readonly Counter _policyReloads;
    private readonly Gauge _policyRules;
    private readonly Gauge _policyLastReload;
    private readonly Counter _effects;
    private readonly Gauge _leader;
    private readonly Gauge _up;

    public RuntimeMetrics(AutoShieldRuntime runtime, MetricsRegistry registry)
    {
        _runtime = runtime;
        Registry = registry;
        _events = registry.Counter("autoshield_events_total", "Flow events read, per source.", "source");
        _parseErrors = registry.Counter("autoshield_parse_errors_total", "Malformed input records reported and skipped, per source.", "source");
        _skipped = registry.Counter("autoshield_events_skipped_total", "Well-formed records that carry no flow (other event kinds), per source.", "source");
        _windows = registry.Counter("autoshield_windows_total", "Windows scored by the detector (one per assembled connection).");
        _detections = registry.Counter("autoshield_detections_total", "Detections handed to policy, per attack class.", "attack_class");
        _suppressed = registry.Counter("autoshield_detections_suppressed_total", "Repeats of a detection on the same pair folded into the first.");
        _decisions = registry.Counter("autoshield_decisions_total", "Policy decisions, per outcome (act, monitor, suppressed, duplicate, excepted).", "outcome");
        _decisionLatency = registry.Histogram("autoshield_decision_duration_seconds", "Time from a detection leaving the queue to its decisions and safety verdicts.", LatencyBuckets);
        _queueDepth = registry.Gauge("autoshield_detection_queue_depth", "Detections waiting for a decision.");
        _queueWaits = registry.Counter("autoshield_detection_queue_waits_total", "Times ingestion waited because the decision queue was full (back-pressure, nothing dropped).");
        _refusals = registry.Counter(SafetyMetricNames.Refusals, "Actions the safety controller refused, per reason.", "reason");
        _safetyResults = registry.Counter(SafetyMetricNames.Actions, "What the safety controller did with action requests, per result.", "result");
        _activeActions = registry.Gauge(SafetyMetricNames.ActiveActions, "Cluster-changing actions in force now.");
        _pendingApprovals = registry.Gauge(SafetyMetricNames.PendingApprovals, "Actions waiting for a person's approval.");
        _circuitOpen = registry.Gauge(SafetyMetricNames.CircuitOpen, "1 while the actuator circuit breaker is open (too many failures).");
        _killSwitch = registry.Gauge(SafetyMetricNames.KillSwitch, "1 while the kill switch is engaged.");
        _policyReloads = registry.Counter(PolicyStoreStatus.ReloadsMetric, "Policy reloads, per result (success, failure: the last good policy stayed).", "result");
        _policyRules = registry.Gauge(PolicyStoreStatus.RulesMetric, "Rules in the policy in force.");
        _policyLastReload = registry.Gauge(PolicyStoreStatus.LastReloadOkMetric, "1 if the last policy reload succeeded, 0 if it was rejected.");
        _effects = registry.Counter("autoshield_effect_checks_total", "Effect checks of applied actions, per verdict (effective, ineffective).", "verdict");
        _leader = registry.Gauge("autoshield_leader", "1 while this replica may act (leader, or no election).");
        _up = registry.Gauge("autoshield_loop_up", "1 while the loop runs or has drained its sources, 0 when it failed or stopped.");
        registry.CollectCallback(Collect);
        runtime.Decision += OnDecision;
    }

    public MetricsRegistry Registry { get; }

    private static void Sync(Counter counter, double value)
    {
        var delta = value - counter.Value;
        if (delta > 0)
        {
            counter.Inc(delta);
        }
    }

    private void OnDecision(DetectionEntry entry)
    {
        _decisionLatency.Observe(entry.Elapsed.TotalSeconds);
        _detections.WithLabels(entry.Detection.AttackClass).Inc();
        foreach (var response in entry.Responses)
        {
            _decisions.WithLabels(response.Decision.Outcome.ToName()).Inc();
        }
    }

    private void Collect()
    {
        var runtime = _runtime;
        foreach (var source in runtime.Sources)
        {
            var counters = source.Reader.Counters;
            Sync(_events.WithLabels(source.Name), counters.Good);
            Sync(_parseErrors.WithLabels(source.Name), counters.Bad);
            Sync(_skipped.WithLabels(source.Name), counters.Skipped);
        }

        Sync(_windows, runtime.Detector.Windows);
        Sync(_suppressed, runtime.Detector.Suppressed);
        _queueDepth.Set(runtime.QueueDepth);
        Sync(_queueWaits, runtime.QueueWaits);
        foreach (var (reason, count) in runtime.Safety.RefusalsByReason)
        {
            Sync(_refusals.WithLabels(reason), count);
        }

        foreach (var (kind, count) in runtime.Safety.ResultsByKind)
        {
            Sync(_safetyResults.WithLabels(kind.ToName()), count);
        }

        _activeActions.Set(runtime.Safety.ActiveActions.Count);
        _pendingApprovals.Set(runtime.Safety.PendingApprovals.Count);
        _circuitOpen.Set(runtime.Safety.CircuitState == Polly.CircuitBreaker.CircuitState.Open ? 1 : 0);
        _killSwitch.Set(runtime.Safety.KillSwitchEngaged ? 1 : 0);
        var policy = runtime.Policy.Status;
        Sync(_policyReloads.WithLabels("success"), policy.Reloads);
        Sync(_policyReloads.WithLabels("failure"), policy.ReloadFailures);
        _policyRules.Set(policy.Rules);
        _policyLastReload.Set(policy.LastReloadSucceeded ? 1 : 0);
        var (effective, ineffective) = runtime.EffectCounts;
        Sync(_effects.WithLabels("effective"), effective);
        Sync(_effects.WithLabels("ineffective"), ineffective);
        _leader.Set(runtime.MayAct ? 1 : 0);
        _up.Set(runtime.State is RuntimeState.Running or RuntimeState.Drained ? 1 : 0);
    }
}
