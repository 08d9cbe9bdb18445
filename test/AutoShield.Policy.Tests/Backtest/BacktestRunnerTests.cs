using AutoShield.Core.Detections;
using AutoShield.Policy.Backtest;
using AutoShield.Policy.Safety;

namespace AutoShield.Policy.Tests.Backtest;

public sealed class BacktestRunnerTests
{
    private const string Policy = """
        rules:
          - name: isolate
            attack_class: LATERAL_MOVEMENT
            severity: high
            cooldown_seconds: 60
            ttl_seconds: 120
            actions:
              - action_type: network_policy
                parameters:
                  direction: egress
          - name: terminate
            attack_class: LATERAL_MOVEMENT
            severity: critical
            mode: monitor
            actions:
              - action_type: pod_termination
        """;

    [Fact]
    public async Task RunAsync_PersistentAttack_ReportsWouldFireSuppressedRefusedAndReverted()
    {
        var web = Some.Pod("shop", "web-1", "web", "node-a");
        var dns = Some.Pod("kube-system", "coredns-1", "coredns", "node-a");
        var t0 = Some.Monday10;
        Detection[] detections =
        [
            Some.Detection(AttackClass.LateralMovement, time: t0, id: "1", source: web),
            Some.Detection(AttackClass.LateralMovement, time: t0.AddSeconds(10), id: "2", source: web),
            Some.Detection(AttackClass.LateralMovement, time: t0.AddSeconds(20), id: "3", source: dns),
            Some.Detection(AttackClass.LateralMovement, time: t0.AddSeconds(200), id: "4", source: web),
        ];
        var inventory = new InMemoryClusterInventory();
        inventory.SetPodCount("shop", "web", 4);

        var report = await BacktestRunner.RunAsync(detections, Policies.FromYaml(Policy), new BacktestOptions { Inventory = inventory });

        var isolate = report.Actions.Where(r => r.Rule == "isolate").ToList();
        Assert.Equal([("1", "would_apply"), ("3", "refused"), ("4", "would_apply")], isolate.Select(r => (r.DetectionId, r.Result)));
        Assert.Equal("protected_namespace", isolate[1].Reason);
        Assert.Equal(1, report.Summary.SuppressedByRule["isolate"]);
        Assert.Equal(1, report.Summary.Reverted);
        Assert.All(report.Actions.Where(r => r.Rule == "terminate"), r => Assert.Equal("monitor", r.Mode));
        Assert.Equal(t0, report.From);
        Assert.Equal(4, report.Summary.Detections);
    }

    [Fact]
    public async Task RunAsync_NoInventoryGiven_BuildsOneFromTheDetectionsForBlastRadius()
    {
        var detections = Enumerable.Range(0, 4)
            .Select(i => Some.Detection(AttackClass.LateralMovement, time: Some.Monday10.AddSeconds(i * 10), id: $"d{i}", source: Some.Pod("shop", $"web-{i}", "web", "node-a")))
            .ToArray();

        var report = await BacktestRunner.RunAsync(detections, Policies.FromYaml(Policy), new BacktestOptions { Safety = new SafetyOptions { MaxWorkloadShare = 0.5 } });

        // Four pods of shop/web were seen, so isolating a third while two are in force would touch 75% of the workload.
        var isolate = report.Actions.Where(r => r.Rule == "isolate").Select(r => r.Reason ?? r.Result);
        Assert.Equal(["would_apply", "would_apply", "blast_radius_workload", "blast_radius_workload"], isolate);
        // The monitor rule's previews hit the same limit: two isolations and two would-be terminations.
        Assert.Equal(4, report.Summary.RefusedByReason["blast_radius_workload"]);
    }
}
