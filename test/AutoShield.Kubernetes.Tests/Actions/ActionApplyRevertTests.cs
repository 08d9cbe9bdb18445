using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Events;

namespace AutoShield.Kubernetes.Tests.Actions;

public sealed class ActionApplyRevertTests
{
    [Theory]
    [MemberData(nameof(ActionScenarios.Types), MemberType = typeof(ActionScenarios))]
    public async Task ApplyThenRevert_EachAction_CreatesItsObjectsThenRestoresThePriorState(string actionType)
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        var before = ClusterSnapshot.Take(harness.Cluster.Server);

        var applied = await actuator.ApplyAsync(harness.Request(actionType), CancellationToken.None);
        ActionScenarios.AssertApplied(harness, actionType, "a-1");
        var reverted = await actuator.RevertAsync("a-1", CancellationToken.None);

        Assert.Equal(ActionState.Applied, applied.State);
        Assert.Equal(ActionState.Reverted, reverted.State);
        if (ActionScenarios.RevertsExactly(actionType))
        {
            Assert.Equal(before, ClusterSnapshot.Take(harness.Cluster.Server));
        }

        var reasons = ActionScenarios.Events(harness, "a-1").Select(e => e["reason"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal([ActionEventRecorder.AppliedReason, ActionEventRecorder.RevertedReason], reasons);
    }

    [Theory]
    [MemberData(nameof(ActionScenarios.Types), MemberType = typeof(ActionScenarios))]
    public async Task ApplyAsync_SameIdTwice_ChangesTheClusterOnce(string actionType)
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        await actuator.ApplyAsync(harness.Request(actionType), CancellationToken.None);
        var afterFirst = ClusterSnapshot.Take(harness.Cluster.Server);
        var writes = Writes(harness);

        var second = await actuator.ApplyAsync(harness.Request(actionType), CancellationToken.None);

        Assert.Equal(ActionState.Applied, second.State);
        Assert.Equal(afterFirst, ClusterSnapshot.Take(harness.Cluster.Server));
        Assert.Equal(writes, Writes(harness));
    }

    [Theory]
    [InlineData(ActionType.NetworkPolicy)]
    [InlineData(ActionType.PodIsolation)]
    [InlineData(ActionType.NodeQuarantine)]
    [InlineData(ActionType.IngressRateLimit)]
    [InlineData(ActionType.TrafficThrottle)]
    public async Task ClusterAction_ApplyTwiceWithOneContext_SecondFindsItsOwnChangeAndWritesNothing(string actionType)
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Registry.TryGet(actionType, out var action);
        var request = harness.Request(actionType);
        harness.Registry.Validate(request, out var resolved);
        var context = new ActionContext(harness.Cluster.Client(), request, resolved, [], TimeProvider.System, CancellationToken.None);
        await action.CaptureAsync(context);
        await action.ApplyAsync(context);
        var snapshot = ClusterSnapshot.Take(harness.Cluster.Server);
        var writes = Writes(harness);

        await action.ApplyAsync(context);

        Assert.True(await action.IsAppliedAsync(context));
        Assert.Equal(snapshot, ClusterSnapshot.Take(harness.Cluster.Server));
        Assert.Equal(writes, Writes(harness));
    }

    [Fact]
    public async Task ApplyAsync_PodIsolationWorkloadScope_SelectsEveryReplicaByTheWorkloadSelectorWithoutLabellingPods()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        var request = harness.Request(ActionType.PodIsolation) with { Parameters = new Dictionary<string, string> { ["scope"] = "workload" } };
        var before = ClusterSnapshot.Take(harness.Cluster.Server);

        var outcome = await actuator.ApplyAsync(request, CancellationToken.None);

        var policy = ActionWorld.Get(harness.Cluster.Server, "networking.k8s.io/v1", "NetworkPolicy", PodIsolationAction.PolicyName("a-1"))!;
        Assert.Equal(ActionState.Applied, outcome.State);
        Assert.Equal("""{"matchLabels":{"app":"web"}}""", policy["spec"]!["podSelector"]!.ToJsonString());
        Assert.Null(ActionWorld.Get(harness.Cluster.Server, "v1", "Pod", ActionWorld.Pod)!["metadata"]!["labels"]![ActionLabels.IsolatedLabel("a-1")]);
        await actuator.RevertAsync("a-1", CancellationToken.None);
        Assert.Equal(before, ClusterSnapshot.Take(harness.Cluster.Server));
    }

    [Fact]
    public async Task ApplyAsync_SurgicalIsolationWithCilium_DeniesEgressToTheDetectionsRemoteAddressOnly()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        var request = harness.Request(ActionType.PodIsolation) with { Parameters = new Dictionary<string, string> { ["surgical"] = "true" } };
        var before = ClusterSnapshot.Take(harness.Cluster.Server);

        var outcome = await actuator.ApplyAsync(request, CancellationToken.None);

        var policy = ActionWorld.Get(harness.Cluster.Server, "cilium.io/v2", "CiliumNetworkPolicy", PodIsolationAction.PolicyName("a-1"))!;
        Assert.Equal(ActionState.Applied, outcome.State);
        Assert.Equal("""[{"toCIDR":["203.0.113.9/32"]}]""", policy["spec"]!["egressDeny"]!.ToJsonString());
        Assert.Null(ActionWorld.Get(harness.Cluster.Server, "networking.k8s.io/v1", "NetworkPolicy", PodIsolationAction.PolicyName("a-1")));
        await actuator.RevertAsync("a-1", CancellationToken.None);
        Assert.Equal(before, ClusterSnapshot.Take(harness.Cluster.Server));
    }

    [Fact]
    public async Task ApplyAsync_PodTerminationOfStandalonePod_FailsWithTheReasonAndKeepsThePod()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        var request = harness.Request(ActionType.PodTermination) with { Target = new ActionTarget("Pod", ActionWorld.Ns, "debug") };

        var outcome = await actuator.ApplyAsync(request, CancellationToken.None);

        Assert.Equal(ActionState.Failed, outcome.State);
        Assert.Contains("no controller", outcome.Message, StringComparison.Ordinal);
        Assert.NotNull(ActionWorld.Get(harness.Cluster.Server, "v1", "Pod", "debug"));
        Assert.Equal(ActionState.Failed, (await actuator.Ledger.GetAsync("a-1"))!.State);
    }

    [Fact]
    public async Task ApplyAsync_PodTerminationBelowMinHealthyReplicas_Refused()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        var request = harness.Request(ActionType.PodTermination) with { Parameters = new Dictionary<string, string> { ["min_healthy_replicas"] = "3" } };

        var outcome = await actuator.ApplyAsync(request, CancellationToken.None);

        Assert.Equal(ActionState.Failed, outcome.State);
        Assert.Contains("min_healthy_replicas 3", outcome.Message, StringComparison.Ordinal);
        Assert.NotNull(ActionWorld.Get(harness.Cluster.Server, "v1", "Pod", ActionWorld.Pod));
    }

    [Fact]
    public async Task ApplyAsync_DryRun_ChangesNothingAndRecordsNothing()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var actuator = harness.Actuator();
        var before = ClusterSnapshot.Take(harness.Cluster.Server);

        var outcome = await actuator.ApplyAsync(harness.Request(ActionType.PodIsolation) with { DryRun = true }, CancellationToken.None);

        Assert.Equal(ActionState.Pending, outcome.State);
        Assert.StartsWith("dry run", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, ClusterSnapshot.Take(harness.Cluster.Server));
        Assert.Empty(await actuator.Ledger.ListAsync());
    }

    [Fact]
    public async Task ApplyAsync_WebhookAnswers500_FailedWithTheStatus()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Webhook.Status = 500;

        var outcome = await harness.Actuator().ApplyAsync(harness.Request(ActionType.CustomWebhook), CancellationToken.None);

        Assert.Equal(ActionState.Failed, outcome.State);
        Assert.Contains("answered 500", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_WebhookSlowerThanTimeout_FailedWithTimeout()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Webhook.Delay = TimeSpan.FromSeconds(5);
        var request = harness.Request(ActionType.CustomWebhook);
        request = request with { Parameters = new Dictionary<string, string>(request.Parameters) { ["timeout_seconds"] = "1" } };

        var outcome = await harness.Actuator().ApplyAsync(request, CancellationToken.None);

        Assert.Equal(ActionState.Failed, outcome.State);
        Assert.Contains("did not answer within 1 s", outcome.Message, StringComparison.Ordinal);
    }

    private static int Writes(ActuatorHarness harness) =>
        harness.Cluster.Server.Requests.Count(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && r.StatusCode is >= 200 and < 300 && r.Resource != "events");
}
