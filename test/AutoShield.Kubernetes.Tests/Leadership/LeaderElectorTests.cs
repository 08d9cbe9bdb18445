using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Leadership;
using AutoShield.Kubernetes.Tests.Actions;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Leadership;

public sealed class LeaderElectorTests
{
    [Fact]
    public async Task TryAcquireOrRenew_ThreeReplicasManyRounds_ExactlyOneLeaderAtEveryStep()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var clock = new FakeTimeProvider();
        var replicas = Replicas(cluster, clock);

        for (var round = 0; round < 20; round++)
        {
            foreach (var replica in replicas)
            {
                await replica.TryAcquireOrRenewAsync();
                Assert.Single(replicas, r => r.IsLeader);
            }

            clock.Advance(TimeSpan.FromSeconds(2));
        }

        var lease = cluster.Server.Get("coordination.k8s.io/v1", "Lease", "autoshield-system", "autoshield-actuator")!;
        Assert.Equal("replica-0", lease["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(0, lease["spec"]!["leaseTransitions"]!.GetValue<int>());
    }

    [Fact]
    public async Task TryAcquireOrRenew_LeaderStopsRenewing_AnotherTakesOverOnlyAfterTheLeaseExpires()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var clock = new FakeTimeProvider();
        var replicas = Replicas(cluster, clock);
        foreach (var replica in replicas)
        {
            await replica.TryAcquireOrRenewAsync();
        }

        var leaderBefore = Assert.Single(replicas, r => r.IsLeader);
        var others = replicas.Where(r => r != leaderBefore).ToList();
        var leaders = new List<int>();
        for (var second = 0; second <= 20; second += 2)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            foreach (var replica in others)
            {
                await replica.TryAcquireOrRenewAsync();
            }

            leaders.Add(replicas.Count(r => r.IsLeader));
            if (others.Any(r => r.IsLeader))
            {
                // The old leader stepped down (renew deadline) before the lease duration let anyone else in.
                Assert.False(leaderBefore.IsLeader);
            }
        }

        Assert.All(leaders, n => Assert.True(n <= 1));
        var newLeader = Assert.Single(others, r => r.IsLeader);
        var lease = cluster.Server.Get("coordination.k8s.io/v1", "Lease", "autoshield-system", "autoshield-actuator")!;
        Assert.Equal(newLeader.Identity, lease["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(1, lease["spec"]!["leaseTransitions"]!.GetValue<int>());
    }

    [Fact]
    public async Task ReleaseAsync_LeaderReleases_NextReplicaTakesOverAtOnce()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var clock = new FakeTimeProvider();
        var replicas = Replicas(cluster, clock);
        await replicas[0].TryAcquireOrRenewAsync();
        await replicas[1].TryAcquireOrRenewAsync();

        await replicas[0].ReleaseAsync();
        var acquired = await replicas[1].TryAcquireOrRenewAsync();

        Assert.True(acquired);
        Assert.False(replicas[0].IsLeader);
    }

    [Fact]
    public async Task TryAcquireOrRenew_TwoReplicasRaceForAnExpiredLease_OneWinsTheOtherGets409()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var clock = new FakeTimeProvider();
        var replicas = Replicas(cluster, clock);
        await replicas[0].TryAcquireOrRenewAsync();
        await replicas[1].TryAcquireOrRenewAsync();
        await replicas[2].TryAcquireOrRenewAsync();
        clock.Advance(TimeSpan.FromSeconds(16));

        var results = await Task.WhenAll(replicas[1].TryAcquireOrRenewAsync(), replicas[2].TryAcquireOrRenewAsync());

        Assert.Single(results, r => r);
        Assert.Single(replicas, r => r.IsLeader);
    }

    [Fact]
    public async Task ApplyAsync_ThreeReplicasEachGivenTheAction_OnlyTheLeaderActuates()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var clock = new FakeTimeProvider();
        var replicas = Replicas(harness.Cluster, clock);
        foreach (var replica in replicas)
        {
            await replica.TryAcquireOrRenewAsync();
        }

        var outcomes = new List<ActionOutcome>();
        foreach (var replica in replicas)
        {
            var actuator = harness.Actuator(options: new KubernetesActuatorOptions { IsLeader = () => replica.IsLeader });
            outcomes.Add(await actuator.ApplyAsync(harness.Request(ActionType.NetworkPolicy, $"a-{replica.Identity}"), CancellationToken.None));
        }

        Assert.Single(outcomes, o => o.State == ActionState.Applied);
        Assert.Equal(2, outcomes.Count(o => o.Message.Contains("does not hold the leader Lease", StringComparison.Ordinal)));
        Assert.Single(harness.Cluster.Server.Store.List(harness.Cluster.Server.KindOf("networking.k8s.io/v1", "NetworkPolicy"), null).Items);
    }

    private static List<LeaderElector> Replicas(FakeCluster cluster, FakeTimeProvider clock)
    {
        cluster.Server.Seed("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"autoshield-system"}}""");
        return [.. Enumerable.Range(0, 3).Select(i => new LeaderElector(cluster.Client(), new LeaderElectionOptions { Identity = $"replica-{i}", TimeProvider = clock }))];
    }
}
