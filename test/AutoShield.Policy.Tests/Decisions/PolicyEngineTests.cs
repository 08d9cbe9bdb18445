using AutoShield.Core.Actions;
using AutoShield.Core.Detections;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Tests.Decisions;

public sealed class PolicyEngineTests
{
    private const string Escalating = """
        rules:
          - name: scan
            attack_class: PORT_SCAN
            severity: medium
            confidence_threshold: 0.8
            cooldown_seconds: 60
            actions:
              - action_type: alert_only
            escalation:
              window_seconds: 600
              steps:
                - after_detections: 3
                  actions:
                    - action_type: traffic_throttle
                      parameters:
                        rate_limit: 1mbps
                - after_detections: 5
                  actions:
                    - action_type: pod_isolation
        """;

    [Fact]
    public void Evaluate_BelowThreshold_NoDecision()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));

        var decisions = engine.Evaluate(Some.Detection(confidence: 0.5));

        Assert.Empty(decisions);
        Assert.Equal(1, engine.UnmatchedTotal);
    }

    [Fact]
    public void Evaluate_OtherClass_NoDecision() =>
        Assert.Empty(new PolicyEngine(Policies.FromYaml(Escalating)).Evaluate(Some.Detection(AttackClass.SynFlood)));

    [Fact]
    public void Evaluate_FirstMatch_ActsWithRuleActionsOnSourcePod()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));

        var decision = Assert.Single(engine.Evaluate(Some.Detection()));

        Assert.Equal(DecisionOutcome.Act, decision.Outcome);
        Assert.Equal("Pod/shop/web-1", decision.Target.Key);
        Assert.Equal("Deployment/web", decision.Target.Workload);
        var action = Assert.Single(decision.Actions);
        Assert.Equal(ActionType.AlertOnly, action.ActionType);
        Assert.Equal("scan", action.Rule);
    }

    [Fact]
    public void Evaluate_TwoActions_IdsAreDistinctStableKubernetesLabels()
    {
        const string TwoActions = "rules:\n  - name: \"Scan: contain / alert\"\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: alert_only\n      - action_type: network_policy\n";
        var detection = Some.Detection();

        var first = Assert.Single(new PolicyEngine(Policies.FromYaml(TwoActions)).Evaluate(detection)).Actions;
        var again = Assert.Single(new PolicyEngine(Policies.FromYaml(TwoActions)).Evaluate(detection)).Actions;

        Assert.Equal(2, first.Select(a => a.Id).Distinct().Count());
        Assert.Equal(first.Select(a => a.Id), again.Select(a => a.Id));
        Assert.All(first, a => Assert.Matches("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$", a.Id));
    }

    [Fact]
    public void Evaluate_WithinCooldown_SuppressedAndCountedInNextAction()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));
        var t0 = Some.Monday10;

        engine.Evaluate(Some.Detection(id: "a", time: t0));
        var second = Assert.Single(engine.Evaluate(Some.Detection(id: "b", time: t0.AddSeconds(30))));
        var third = Assert.Single(engine.Evaluate(Some.Detection(id: "c", time: t0.AddSeconds(700))));

        Assert.Equal(DecisionOutcome.Suppressed, second.Outcome);
        Assert.Empty(second.Actions);
        Assert.Equal(DecisionOutcome.Act, third.Outcome);
        Assert.Equal(1, third.SuppressedSinceLast);
        Assert.Contains("1 suppressed", third.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CooldownIsPerTarget_OtherTargetActs()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));

        engine.Evaluate(Some.Detection(id: "a"));
        var other = Assert.Single(engine.Evaluate(Some.Detection(id: "b", time: Some.Monday10.AddSeconds(1), source: Some.Pod("shop", "web-2", "web", "node-a"))));

        Assert.Equal(DecisionOutcome.Act, other.Outcome);
    }

    [Fact]
    public void Evaluate_SameDetectionTwice_Duplicate()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));

        engine.Evaluate(Some.Detection(id: "same"));
        var again = Assert.Single(engine.Evaluate(Some.Detection(id: "same")));

        Assert.Equal(DecisionOutcome.Duplicate, again.Outcome);
    }

    [Fact]
    public void Evaluate_PersistentAttack_EscalatesAlertThrottleIsolate()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));
        var fired = new List<(int Level, string Action)>();

        for (var i = 0; i < 6; i++)
        {
            foreach (var d in engine.Evaluate(Some.Detection(id: $"d{i}", time: Some.Monday10.AddSeconds(10 * i))))
            {
                fired.AddRange(d.Actions.Select(a => (d.Level, a.ActionType)));
            }
        }

        Assert.Equal([(0, ActionType.AlertOnly), (1, ActionType.TrafficThrottle), (2, ActionType.PodIsolation)], fired);
    }

    [Fact]
    public void Evaluate_AttackStopsLongerThanWindow_EscalationStartsOver()
    {
        var engine = new PolicyEngine(Policies.FromYaml(Escalating));
        for (var i = 0; i < 3; i++)
        {
            engine.Evaluate(Some.Detection(id: $"d{i}", time: Some.Monday10.AddSeconds(10 * i)));
        }

        var later = Assert.Single(engine.Evaluate(Some.Detection(id: "later", time: Some.Monday10.AddHours(2))));

        Assert.Equal(0, later.Level);
        Assert.Equal(1, later.Persistence);
    }

    [Fact]
    public void Evaluate_MonitorRule_MonitorOutcomeWithDryRunRequests()
    {
        var engine = new PolicyEngine(Policies.FromYaml("rules:\n  - name: m\n    attack_class: PORT_SCAN\n    mode: monitor\n    actions:\n      - action_type: pod_termination\n"));

        var decision = Assert.Single(engine.Evaluate(Some.Detection()));

        Assert.Equal(DecisionOutcome.Monitor, decision.Outcome);
        Assert.True(Assert.Single(decision.Actions).DryRun);
    }

    [Fact]
    public void Evaluate_ExceptionMatches_ExceptedWithReason()
    {
        var engine = new PolicyEngine(Policies.FromYaml("rules:\n  - name: e\n    attack_class: PORT_SCAN\n    exceptions:\n      - \"source.labels.app == 'web'\"\n    actions:\n      - action_type: alert_only\n"));

        var decision = Assert.Single(engine.Evaluate(Some.Detection()));

        Assert.Equal(DecisionOutcome.Excepted, decision.Outcome);
        Assert.Contains("source.labels.app", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SeedCustomRule_RaisesCustomAttackOnAnyClassWhenConditionHolds()
    {
        var policy = new PolicyLoader().LoadFiles([RepoPaths.Example("seed-custom-application-protection.yaml")]).Policy!;
        var engine = new PolicyEngine(policy);

        var during = Assert.Single(engine.Evaluate(Some.Detection(AttackClass.Benign, id: "x")));
        var night = engine.Evaluate(Some.Detection(AttackClass.Benign, id: "y", time: Some.Monday10.AddHours(12)));
        var noBytes = engine.Evaluate(Some.Detection(AttackClass.Benign, id: "z", features: new Dictionary<string, double> { ["failed_conn_ratio"] = 0 }));

        Assert.Equal(AttackClass.CustomAttack, during.AttackClass);
        Assert.Equal(ActionType.CustomWebhook, Assert.Single(during.Actions).ActionType);
        Assert.Equal("https://internal-api/alert", during.Actions[0].Parameters["url"]);
        Assert.Empty(night);
        Assert.Empty(noBytes);
    }

    [Fact]
    public void Evaluate_SynFloodFromInternet_AutoTargetIsTheDestination()
    {
        var engine = new PolicyEngine(Policies.FromYaml(File.ReadAllText(RepoPaths.Example("seed-ecommerce-ddos.yaml"))));

        var decision = Assert.Single(engine.Evaluate(Some.Detection(AttackClass.SynFlood, source: Some.External("203.0.113.9"))));

        Assert.Equal("Pod/data/db-0", decision.Target.Key);
        Assert.Equal("1000kbps", decision.Actions[0].Parameters["rate_limit"]);
    }

    [Fact]
    public void Evaluate_ZeroCooldown_DedupWindowStillSpacesActions()
    {
        var engine = new PolicyEngine(Policies.FromYaml("rules:\n  - name: z\n    attack_class: PORT_SCAN\n    cooldown_seconds: 0\n    actions:\n      - action_type: alert_only\n"));

        engine.Evaluate(Some.Detection(id: "a"));
        var soon = Assert.Single(engine.Evaluate(Some.Detection(id: "b", time: Some.Monday10.AddSeconds(1))));
        var later = Assert.Single(engine.Evaluate(Some.Detection(id: "c", time: Some.Monday10.AddSeconds(6))));

        Assert.Equal(DecisionOutcome.Suppressed, soon.Outcome);
        Assert.Equal(DecisionOutcome.Act, later.Outcome);
    }

    [Fact]
    public void Evaluate_PolicyProviderChanges_NextDetectionUsesNewPolicy()
    {
        var policy = Policies.FromYaml(Escalating);
        var engine = new PolicyEngine(() => policy);
        policy = Policies.FromYaml("rules:\n  - name: other\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: network_policy\n");

        var decision = Assert.Single(engine.Evaluate(Some.Detection()));

        Assert.Equal("other", decision.Rule);
    }
}
