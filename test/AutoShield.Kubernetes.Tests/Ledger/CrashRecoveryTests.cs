using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Ledger;
using AutoShield.Kubernetes.Tests.Actions;

namespace AutoShield.Kubernetes.Tests.Ledger;

public sealed class CrashRecoveryTests
{
    [Theory]
    [InlineData(ActionType.NetworkPolicy, CrashPoint.AfterLedgerWrite)]
    [InlineData(ActionType.NetworkPolicy, CrashPoint.AfterApiCall)]
    [InlineData(ActionType.PodIsolation, CrashPoint.AfterLedgerWrite)]
    [InlineData(ActionType.PodIsolation, CrashPoint.AfterApiCall)]
    [InlineData(ActionType.NodeQuarantine, CrashPoint.AfterLedgerWrite)]
    [InlineData(ActionType.NodeQuarantine, CrashPoint.AfterApiCall)]
    [InlineData(ActionType.IngressRateLimit, CrashPoint.AfterApiCall)]
    public async Task ReconcileAsync_AfterCrashAroundTheApiCall_EndsWithExactlyOneAppliedAction(string actionType, CrashPoint crashAt)
    {
        await using var harness = await ActuatorHarness.StartAsync();
        using var file = new TempLedgerFile();
        var dying = new SqliteActionLedger(file.Path);
        var crashing = harness.Actuator(dying, new KubernetesActuatorOptions { CrashHook = p => { if (p == crashAt) { throw new SimulatedCrashException(); } } });
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await crashing.ApplyAsync(harness.Request(actionType), CancellationToken.None));
        Assert.Equal(ActionState.Pending, (await dying.GetAsync("a-1"))!.State);
        dying.Dispose();

        using var ledger = new SqliteActionLedger(file.Path);
        var report = await harness.Actuator(ledger).ReconcileAsync(CancellationToken.None);

        Assert.Equal(crashAt == CrashPoint.AfterApiCall ? (1, 0) : (0, 1), (report.Finished, report.Retried));
        Assert.Equal(ActionState.Applied, (await ledger.GetAsync("a-1"))!.State);
        ActionScenarios.AssertApplied(harness, actionType, "a-1");
        Assert.Equal(1, OwnedObjects(harness, "a-1"));
        Assert.Single(ActionScenarios.Events(harness, "a-1"));
    }

    [Theory]
    [InlineData(CrashPoint.RevertAfterLedgerWrite)]
    [InlineData(CrashPoint.RevertAfterApiCall)]
    public async Task ReconcileAsync_AfterCrashDuringRevert_FinishesTheRevertExactly(CrashPoint crashAt)
    {
        await using var harness = await ActuatorHarness.StartAsync();
        using var file = new TempLedgerFile();
        var before = ClusterSnapshot.Take(harness.Cluster.Server);
        var dying = new SqliteActionLedger(file.Path);
        var crashing = harness.Actuator(dying, new KubernetesActuatorOptions { CrashHook = p => { if (p == crashAt) { throw new SimulatedCrashException(); } } });
        await crashing.ApplyAsync(harness.Request(ActionType.PodIsolation), CancellationToken.None);
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await crashing.RevertAsync("a-1", CancellationToken.None));
        dying.Dispose();

        using var ledger = new SqliteActionLedger(file.Path);
        var report = await harness.Actuator(ledger).ReconcileAsync(CancellationToken.None);

        Assert.Equal(1, report.Reverted);
        var record = (await ledger.GetAsync("a-1"))!;
        Assert.Equal((ActionState.Reverted, false), (record.State, record.RevertRequested));
        Assert.Equal(before, ClusterSnapshot.Take(harness.Cluster.Server));
    }

    [Fact]
    public async Task ReconcileAsync_AppliedActionPastItsTtl_RevertsItAsExpired()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var clock = new AutoShield.Testing.FakeTimeProvider();
        var ledger = new InMemoryActionLedger();
        var actuator = harness.Actuator(ledger, new KubernetesActuatorOptions { TimeProvider = clock });
        var before = ClusterSnapshot.Take(harness.Cluster.Server);
        await actuator.ApplyAsync(harness.Request(ActionType.IngressRateLimit) with { Ttl = TimeSpan.FromMinutes(10) }, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(5));
        var early = await actuator.ReconcileAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));
        var late = await actuator.ReconcileAsync(CancellationToken.None);

        Assert.Equal(0, early.Expired);
        Assert.Equal(1, late.Expired);
        Assert.Equal(ActionState.Expired, (await ledger.GetAsync("a-1"))!.State);
        Assert.Equal(before, ClusterSnapshot.Take(harness.Cluster.Server));
    }

    [Fact]
    public async Task ReconcileAsync_PendingThatKeepsFailing_MarkedFailedAfterMaxAttempts()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var ledger = new InMemoryActionLedger();
        var crashing = harness.Actuator(ledger, new KubernetesActuatorOptions { CrashHook = p => throw new SimulatedCrashException() });
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await crashing.ApplyAsync(harness.Request(ActionType.NetworkPolicy), CancellationToken.None));
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await crashing.ReconcileAsync(CancellationToken.None));
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await crashing.ReconcileAsync(CancellationToken.None));

        var report = await harness.Actuator(ledger).ReconcileAsync(CancellationToken.None);

        var record = (await ledger.GetAsync("a-1"))!;
        Assert.Equal(1, report.Failed);
        Assert.Equal((ActionState.Failed, 3), (record.State, record.Attempts));
        Assert.StartsWith("gave up after 3 attempts", record.LastError, StringComparison.Ordinal);
    }

    private static int OwnedObjects(ActuatorHarness harness, string id)
    {
        var server = harness.Cluster.Server;
        var kinds = new[] { ("networking.k8s.io/v1", "NetworkPolicy"), ("v1", "Node"), ("networking.k8s.io/v1", "Ingress") };
        return kinds.Sum(k => server.Store.List(server.KindOf(k.Item1, k.Item2), null).Items.Count(o =>
            o["metadata"]?["labels"]?[ActionLabels.ActionId]?.GetValue<string>() == id
            || o["metadata"]?["annotations"]?[ActionLabels.ActionId]?.GetValue<string>() == id));
    }
}
