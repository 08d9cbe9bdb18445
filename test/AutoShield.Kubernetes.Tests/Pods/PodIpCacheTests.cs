using System.Text.Json.Nodes;
using AutoShield.Core.Net;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Pods;
using AutoShield.Kubernetes.Watch;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Pods;

public sealed class PodIpCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryAttribute_RunningReplicaSetPod_NamesDeploymentFromPodTemplateHash()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock);
        var pod = Created(Some.Pod("web-7d9f8c6b5-x2x4z", "shop", ip: "10.1.2.3", node: "node-a",
            labels: new() { ["app"] = "web", ["pod-template-hash"] = "7d9f8c6b5" }, owners: Some.Owner("ReplicaSet", "web-7d9f8c6b5")), Start);

        cache.OnPod(WatchEventType.Added, pod);

        Assert.True(cache.TryAttribute(Ip("10.1.2.3"), Start.AddSeconds(5), out var who));
        Assert.Equal(("shop", "web-7d9f8c6b5-x2x4z", "node-a"), (who.Namespace, who.Name, who.NodeName));
        Assert.Equal(new WorkloadRef("Deployment", "web"), who.Workload);
        Assert.Equal("web", who.Labels["app"]);
        Assert.False(cache.TryAttribute(Ip("10.1.2.4"), Start.AddSeconds(5), out _));
    }

    [Fact]
    public void TryAttribute_KnownReplicaSet_UsesItsOwnerAndOtherKindsAsTheyAre()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock);
        var replicaSet = JsonNode.Parse("""{"metadata":{"name":"api-abc","namespace":"shop","ownerReferences":[{"kind":"Deployment","name":"api-server","controller":true,"uid":"d1"}]}}""")!.AsObject();
        cache.OnReplicaSet(WatchEventType.Added, replicaSet);

        cache.OnPod(WatchEventType.Added, Created(Some.Pod("api-abc-1", "shop", ip: "10.0.0.1", owners: Some.Owner("ReplicaSet", "api-abc")), Start));
        cache.OnPod(WatchEventType.Added, Created(Some.Pod("backup-29000000-q", "shop", ip: "10.0.0.2", owners: Some.Owner("Job", "backup-29000000")), Start));
        cache.OnPod(WatchEventType.Added, Created(Some.Pod("bare", "shop", ip: "10.0.0.3"), Start));

        Assert.Equal(new WorkloadRef("Deployment", "api-server"), cache.Attribute(Ip("10.0.0.1"), Start)!.Workload);
        Assert.Equal(new WorkloadRef("CronJob", "backup"), cache.Attribute(Ip("10.0.0.2"), Start)!.Workload);
        Assert.Null(cache.Attribute(Ip("10.0.0.3"), Start)!.Workload);
    }

    [Fact]
    public void TryAttribute_IpReusedByNewPod_AttributesEachTimeToItsHolder()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock);
        var old = Created(Some.Pod("old", ip: "10.0.0.7"), Start);
        cache.OnPod(WatchEventType.Added, old);
        clock.Advance(TimeSpan.FromMinutes(1));
        cache.OnPod(WatchEventType.Deleted, old);
        clock.Advance(TimeSpan.FromSeconds(10));
        var reuse = Start.AddSeconds(70);
        cache.OnPod(WatchEventType.Added, Created(Some.Pod("new", ip: "10.0.0.7"), reuse));

        Assert.Equal("old", cache.Attribute(Ip("10.0.0.7"), Start.AddSeconds(30))!.Name);
        Assert.Equal("old", cache.Attribute(Ip("10.0.0.7"), Start.AddSeconds(65))!.Name);
        Assert.Equal("new", cache.Attribute(Ip("10.0.0.7"), reuse.AddSeconds(1))!.Name);
        Assert.Equal("new", cache.Current(Ip("10.0.0.7"))!.Name);
    }

    [Fact]
    public void TryAttribute_AfterDeletionAndGrace_NoLongerAttributes()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock, new PodIpCacheOptions { ReleaseGrace = TimeSpan.FromSeconds(30) });
        var pod = Created(Some.Pod("gone", ip: "10.0.0.8"), Start);
        cache.OnPod(WatchEventType.Added, pod);
        clock.Advance(TimeSpan.FromMinutes(2));
        cache.OnPod(WatchEventType.Deleted, pod);

        Assert.NotNull(cache.Attribute(Ip("10.0.0.8"), Start.AddMinutes(2).AddSeconds(20)));
        Assert.Null(cache.Attribute(Ip("10.0.0.8"), Start.AddMinutes(2).AddSeconds(31)));
        Assert.Null(cache.Attribute(Ip("10.0.0.8"), Start.AddSeconds(-1)));
    }

    [Fact]
    public void OnPod_FinishedPodOrHostNetwork_ReleasesOrNeverHoldsIp()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock, new PodIpCacheOptions { ReleaseGrace = TimeSpan.Zero });
        var job = Created(Some.Pod("job", ip: "10.0.0.9"), Start);
        cache.OnPod(WatchEventType.Added, job);
        clock.Advance(TimeSpan.FromMinutes(1));
        job["status"]!["phase"] = "Succeeded";
        cache.OnPod(WatchEventType.Modified, job);
        var host = Created(Some.Pod("node-exporter", ip: "192.168.1.10"), Start);
        host["spec"]!["hostNetwork"] = true;
        cache.OnPod(WatchEventType.Added, host);

        Assert.NotNull(cache.Attribute(Ip("10.0.0.9"), Start.AddSeconds(30)));
        Assert.Null(cache.Current(Ip("10.0.0.9")));
        Assert.Null(cache.Current(Ip("192.168.1.10")));
    }

    [Fact]
    public void OnPod_ManyReusesOfOneIp_KeepsBoundedHistory()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock, new PodIpCacheOptions { MaxHoldsPerIp = 3 });
        for (var i = 0; i < 50; i++)
        {
            var pod = Created(Some.Pod($"p{i}", ip: "10.0.0.10"), clock.GetUtcNow());
            pod["metadata"]!["uid"] = $"uid-{i}";
            cache.OnPod(WatchEventType.Added, pod);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("p49", cache.Current(Ip("10.0.0.10"))!.Name);
        Assert.Null(cache.Attribute(Ip("10.0.0.10"), Start.AddSeconds(1)));
        Assert.Equal(1, cache.TrackedAddresses);
    }

    [Fact]
    public void TryAttribute_SteadyState_AllocatesNothing()
    {
        var clock = new FakeTimeProvider(Start);
        var cache = new PodIpCache(clock);
        cache.OnPod(WatchEventType.Added, Created(Some.Pod("a", ip: "10.0.0.1"), Start));
        var hit = Ip("10.0.0.1");
        var miss = Ip("10.0.0.2");
        var at = Start.AddSeconds(1);

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                cache.TryAttribute(hit, at, out _);
                cache.TryAttribute(miss, at, out _);
            }
        });

        Assert.Equal(0, bytes);
        Assert.True(cache.TryAttribute(hit, at, out _));
    }

    [Fact]
    public async Task Attach_InformerAgainstFakeServer_FollowsCreationIpChangeAndDeletion()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        cluster.Server.Seed(Some.Pod("a", "shop", ip: "10.4.0.1"));
        var cache = new PodIpCache();
        var informer = new Informer(client, ResourceTypes.Pods);
        cache.Attach(informer);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("a", cache.Current(Ip("10.4.0.1"))?.Name);
        cluster.Server.Seed(Some.Pod("b", "shop"));
        cluster.Server.SetStatus("v1", "Pod", "shop", "b", JsonNode.Parse("""{"phase":"Running","podIP":"10.4.0.2"}""")!.AsObject());
        Assert.True(cluster.Server.Remove("v1", "Pod", "shop", "a"));
        await Eventually(() => cache.Current(Ip("10.4.0.2"))?.Name == "b" && cache.Current(Ip("10.4.0.1")) is null);

        await stop.CancelAsync();
        await run;
        Assert.Equal("b", cache.Current(Ip("10.4.0.2"))!.Name);
    }

    internal static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    private static JsonObject Created(JsonObject pod, DateTimeOffset at)
    {
        pod["metadata"]!["uid"] ??= "uid-" + pod["metadata"]!["name"]!.GetValue<string>();
        pod["metadata"]!["creationTimestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return pod;
    }

    private static IpAddr Ip(string text) => IpAddr.TryParse(text.AsSpan(), out var ip) ? ip : throw new ArgumentException(text);
}
