using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;

namespace AutoShield.Kubernetes.Tests.Actions;

public sealed class FaultTests
{
    [Fact]
    public async Task ApplyAsync_CreateAnswers503ThenSucceeds_AppliedWithOnePolicy()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Cluster.Server.Faults.FailNext(2, 503, r => r.Resource == "networkpolicies" && r.Method == "POST");

        var outcome = await harness.Actuator().ApplyAsync(harness.Request(ActionType.PodIsolation), CancellationToken.None);

        Assert.Equal(ActionState.Applied, outcome.State);
        Assert.Single(Policies(harness));
        Assert.NotEmpty(harness.Cluster.Retries);
    }

    [Fact]
    public async Task ApplyAsync_UpdateThrottledWith429_WaitsAndApplies()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Cluster.Server.Faults.ThrottleNext(1, retryAfterSeconds: 1, r => r.Resource == "ingresses" && r.Method == "PUT");

        var outcome = await harness.Actuator().ApplyAsync(harness.Request(ActionType.IngressRateLimit), CancellationToken.None);

        Assert.Equal(ActionState.Applied, outcome.State);
        Assert.Contains(harness.Cluster.Retries, r => r.StatusCode == 429);
        ActionScenarios.AssertApplied(harness, ActionType.IngressRateLimit, "a-1");
    }

    [Fact]
    public async Task ApplyAsync_ConnectionDroppedOnCreate_ReadsBackAndAppliesOnce()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Cluster.Server.Faults.AbortNext(1, r => r.Resource == "networkpolicies" && r.Method == "POST");

        var outcome = await harness.Actuator().ApplyAsync(harness.Request(ActionType.NetworkPolicy), CancellationToken.None);

        Assert.Equal(ActionState.Applied, outcome.State);
        Assert.Single(Policies(harness));
        ActionScenarios.AssertApplied(harness, ActionType.NetworkPolicy, "a-1");
    }

    [Fact]
    public async Task ApplyAsync_ServerKeepsFailing_FailedWithTheStatusAndNothingLeftHalfDone()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        harness.Cluster.Server.Faults.FailNext(100, 500, r => r.Resource == "networkpolicies" && r.Method == "POST");

        var actuator = harness.Actuator();
        var outcome = await actuator.ApplyAsync(harness.Request(ActionType.PodIsolation), CancellationToken.None);

        Assert.Equal(ActionState.Failed, outcome.State);
        Assert.StartsWith("500", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(Policies(harness));
        Assert.Null(ActionWorld.Get(harness.Cluster.Server, "v1", "Pod", ActionWorld.Pod)!["metadata"]!["labels"]![ActionLabels.IsolatedLabel("a-1")]);
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentWriterBetweenReadAndWrite_RetriesOnConflictAndKeepsTheirChange()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var server = harness.Cluster.Server;
        var raced = false;

        // When our PUT arrives, another writer changes the Ingress first: our resourceVersion is stale and gets 409.
        server.Faults.FailNext(1, 500, r =>
        {
            if (r.Resource == "ingresses" && r.Method == "PUT" && !raced)
            {
                raced = true;
                server.Store.Patch(server.KindOf("networking.k8s.io/v1", "Ingress"), ActionWorld.Ns, "shop", o =>
                {
                    o["metadata"]!["annotations"]!["team"] = "checkout";
                    return o;
                }, global::AutoShield.Kubernetes.Fake.Store.StoreWriteOptions.Default);
            }

            return false;
        });
        var actuator = harness.Actuator();

        var outcome = await actuator.ApplyAsync(harness.Request(ActionType.IngressRateLimit), CancellationToken.None);

        var annotations = ActionWorld.Get(server, "networking.k8s.io/v1", "Ingress", "shop")!["metadata"]!["annotations"]!;
        Assert.Equal(ActionState.Applied, outcome.State);
        Assert.Equal("checkout", annotations["team"]!.GetValue<string>());
        Assert.Equal("5", annotations[ActionLabels.LimitRps]!.GetValue<string>());
        Assert.Contains(server.Requests, r => r.Resource == "ingresses" && r.StatusCode == 409);
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Policies(ActuatorHarness harness) =>
        harness.Cluster.Server.Store.List(harness.Cluster.Server.KindOf("networking.k8s.io/v1", "NetworkPolicy"), null).Items;
}
