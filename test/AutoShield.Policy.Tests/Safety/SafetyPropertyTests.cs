using AutoShield.Core.Actions;
using AutoShield.Core.Detections;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;
using AutoShield.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace AutoShield.Policy.Tests.Safety;

/// <summary>
/// Properties over random policies and random detection streams (FsCheck): whatever arrives, the safety controller
/// never hands the actuator an action on a protected target, never exceeds a severity budget, a per-target limit,
/// the active-action or node limits, never acts while the kill switch is engaged, and never skips a cooldown.
/// </summary>
public sealed class SafetyPropertyTests
{
    private static readonly string[] Namespaces = ["shop", "data", "kube-system", "autoshield-system", "payments"];
    private static readonly string[] Classes = [AttackClass.PortScan, AttackClass.SynFlood, AttackClass.LateralMovement, AttackClass.Benign];
    private static readonly string[] ClusterActions = [ActionType.NetworkPolicy, ActionType.TrafficThrottle, ActionType.PodIsolation, ActionType.PodTermination, ActionType.NodeQuarantine];

    private static readonly SafetyOptions Options = new()
    {
        ProtectedNamespaces = ["payments"],
        ProtectedLabels = ["critical=true"],
        SeverityBudgets = new Dictionary<Severity, int> { [Severity.Low] = 2, [Severity.Medium] = 3, [Severity.High] = 4, [Severity.Critical] = 5 },
        BudgetWindow = TimeSpan.FromMinutes(5),
        MaxActionsPerTarget = 2,
        TargetWindow = TimeSpan.FromMinutes(30),
        MaxActiveActions = 6,
        MaxNodes = 2,
        MaxWorkloadShare = 0.5,
        DefaultTtl = TimeSpan.FromMinutes(3),
        BreakerMinimumThroughput = 3,
    };

    private static Gen<string> RuleYaml(int index) =>
        from cls in Gen.Elements(Classes[..3])
        from severity in Gen.Elements("low", "medium", "high", "critical")
        from cooldown in Gen.Elements(0, 10, 60, 300)
        from threshold in Gen.Elements("0.5", "0.9")
        from action in Gen.Elements(ClusterActions)
        from escalate in Gen.Elements(true, false)
        from mode in Gen.Elements("enforce", "enforce", "monitor")
        from target in Gen.Elements("auto", "source", "destination")
        select $"  - name: r{index}\n    attack_class: {cls}\n    severity: {severity}\n    cooldown_seconds: {cooldown}\n    confidence_threshold: {threshold}\n    mode: {mode}\n    target: {target}\n"
            + $"    actions:\n      - action_type: {action}\n" + (action == ActionType.TrafficThrottle ? "        parameters:\n          rate_limit: 1mbps\n" : string.Empty)
            + "      - action_type: alert_only\n"
            + (escalate ? "    escalation:\n      window_seconds: 120\n      steps:\n        - after_detections: 2\n          actions:\n            - action_type: pod_isolation\n" : string.Empty);

    private static readonly Gen<string> PolicyGen =
        from count in Gen.Choose(1, 4)
        from rules in Gen.CollectToArray(Enumerable.Range(0, count), RuleYaml)
        select "rules:\n" + string.Concat(rules);

    private static readonly Gen<DetectionEndpoint> EndpointGen =
        from ns in Gen.Elements(Namespaces)
        from pod in Gen.Choose(0, 5)
        from node in Gen.Choose(0, 4)
        from critical in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
        from external in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        select external
            ? Some.External($"198.51.100.{pod}")
            : Some.Pod(ns, $"w{pod % 2}-{pod}", $"w{pod % 2}", $"node-{node}", labels: new Dictionary<string, string> { ["critical"] = critical ? "true" : "false" });

    private static readonly Gen<(string Class, double Confidence, DetectionEndpoint Source, DetectionEndpoint Destination, int GapSeconds)> DetectionGen =
        from cls in Gen.Elements(Classes)
        from confidence in Gen.Elements(0.6, 0.95, 1.0)
        from source in EndpointGen
        from destination in EndpointGen
        from gap in Gen.Frequency((6, Gen.Choose(0, 20)), (1, Gen.Choose(60, 400)))
        select (cls, confidence, source, destination, gap);

    private sealed record Scenario(string Policy, IReadOnlyList<(string Class, double Confidence, DetectionEndpoint Source, DetectionEndpoint Destination, int GapSeconds)> Detections, bool KillSwitchHalfway, bool FailingActuator)
    {
        public override string ToString() => $"{Policy}\n{Detections.Count} detections, kill switch {KillSwitchHalfway}, failing {FailingActuator}";
    }

    private static readonly Gen<Scenario> ScenarioGen =
        from policy in PolicyGen
        from detections in Gen.ListOf(DetectionGen, 60)
        from kill in Gen.Elements(true, false)
        from failing in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        select new Scenario(policy, detections, kill, failing);

    [Fact]
    public void AnyDetectionsAndPolicies_SafetyNeverActsOnProtectedTargetsOrExceedsLimits()
    {
        var property = Prop.ForAll(ScenarioGen.ToArbitrary(), scenario => Holds(scenario));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void AnyDetections_EngineNeverActsTwiceOnOneTargetInsideTheCooldownAtTheSameLevel()
    {
        var property = Prop.ForAll(ScenarioGen.ToArbitrary(), scenario =>
        {
            var policy = Policies.FromYaml(scenario.Policy);
            var engine = new PolicyEngine(policy);
            var acts = new List<Decision>();
            var time = Some.Monday10;
            var i = 0;
            foreach (var d in scenario.Detections)
            {
                time = time.AddSeconds(d.GapSeconds);
                acts.AddRange(engine.Evaluate(Make(d, time, i++)).Where(x => x.Outcome is DecisionOutcome.Act or DecisionOutcome.Monitor));
            }

            foreach (var group in acts.GroupBy(a => (a.Rule, a.Target.Key)))
            {
                var rule = policy.Rules.Single(r => r.Name == group.Key.Rule);
                var ordered = group.OrderBy(a => a.Time).ToList();
                for (var k = 1; k < ordered.Count; k++)
                {
                    var gap = ordered[k].Time - ordered[k - 1].Time;
                    var escalated = ordered[k].Level > ordered[k - 1].Level;
                    if (gap < TimeSpan.FromSeconds(5) || (!escalated && gap < rule.Cooldown))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    private static Detection Make((string Class, double Confidence, DetectionEndpoint Source, DetectionEndpoint Destination, int GapSeconds) d, DateTimeOffset time, int i) =>
        Some.Detection(d.Class, d.Confidence, time, $"d{i}", d.Source, d.Destination);

    private static bool Holds(Scenario scenario)
    {
        var time = new FakeTimeProvider(Some.Monday10);
        var actuator = new RecordingActuator { FailApplies = scenario.FailingActuator };
        var inventory = new InMemoryClusterInventory();
        foreach (var ns in Namespaces)
        {
            inventory.SetPodCount(ns, "w0", 3);
            inventory.SetPodCount(ns, "w1", 3);
        }

        var safety = new SafetyController(actuator, Options, time, inventory);
        var responder = new PolicyResponder(new PolicyEngine(Policies.FromYaml(scenario.Policy)), safety);
        var applied = new List<(DateTimeOffset Time, Severity Severity, ActionRequest Request)>();
        var i = 0;
        foreach (var d in scenario.Detections)
        {
            time.Advance(TimeSpan.FromSeconds(d.GapSeconds));
            safety.TickAsync().AsTask().GetAwaiter().GetResult();
            if (scenario.KillSwitchHalfway && i == scenario.Detections.Count / 2)
            {
                safety.EngageKillSwitch("property test");
            }

            var callsBefore = actuator.ApplyCalls;
            var responses = responder.HandleAsync(Make(d, time.GetUtcNow(), i++)).AsTask().GetAwaiter().GetResult();
            var handed = actuator.ApplyCalls - callsBefore;
            var reached = responses.SelectMany(r => r.Decision.Actions.Zip(r.Verdicts, (a, v) => (a, v, r.Decision.Severity)))
                .Where(x => x.v.Kind is VerdictKind.Applied or VerdictKind.Failed)
                .ToList();
            if (reached.Count != handed)
            {
                return false;
            }

            foreach (var (request, _, severity) in reached.Where(x => ActionType.ChangesCluster(x.a.ActionType)))
            {
                var target = request.Target;
                if (safety.KillSwitchEngaged
                    || (target.Namespace is { } ns && (SafetyOptions.AlwaysProtectedNamespaces.Contains(ns) || ns == "payments"))
                    || target.Labels.GetValueOrDefault("critical") == "true")
                {
                    return false;
                }

                applied.Add((time.GetUtcNow(), severity, request));
            }

            var active = safety.ActiveActions;
            if (active.Count > Options.MaxActiveActions
                || active.Select(a => a.Request.Target.Node).Where(n => n is not null).Distinct().Count() > Options.MaxNodes)
            {
                return false;
            }
        }

        foreach (var (t, severity, _) in applied)
        {
            var inWindow = applied.Count(a => a.Severity == severity && a.Time > t - Options.BudgetWindow && a.Time <= t);
            if (inWindow > Options.SeverityBudgets[severity])
            {
                return false;
            }
        }

        foreach (var (t, _, request) in applied)
        {
            if (applied.Count(a => a.Request.Target.Key == request.Target.Key && a.Time > t - Options.TargetWindow && a.Time <= t) > Options.MaxActionsPerTarget)
            {
                return false;
            }
        }

        return true;
    }
}
