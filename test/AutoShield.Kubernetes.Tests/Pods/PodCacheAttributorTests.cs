using System.Text.Json.Nodes;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Kubernetes.Pods;
using AutoShield.Kubernetes.Watch;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Pods;

public sealed class PodCacheAttributorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryAttribute_KnownAddress_FillsPodWorkloadAndLabels()
    {
        var cache = CacheWith(Created(Some.Pod("web-7d9f8c6b5-x2x4z", "shop", ip: "10.1.2.3",
            labels: new() { ["app"] = "web", ["pod-template-hash"] = "7d9f8c6b5" }, owners: Some.Owner("ReplicaSet", "web-7d9f8c6b5")), Start));
        var attributor = new PodCacheAttributor(cache);
        var endpoint = default(FlowEndpoint);

        var found = attributor.TryAttribute(Ip("10.1.2.3"), Nanos(Start.AddSeconds(5)), ref endpoint);

        Assert.True(found);
        Assert.Equal(("shop", "web-7d9f8c6b5-x2x4z", "web", "Deployment"), (endpoint.Namespace, endpoint.PodName, endpoint.Workload, endpoint.WorkloadKind));
        Assert.Equal("web", endpoint.Labels!.Get("app"));
        Assert.Equal(["k8s:app=web", "k8s:pod-template-hash=7d9f8c6b5"], endpoint.Labels.All);
    }

    [Fact]
    public void TryAttribute_SamePodTwice_SharesOneLabelSet()
    {
        var cache = CacheWith(Created(Some.Pod("a", "shop", ip: "10.0.0.1", labels: new() { ["app"] = "a" }), Start));
        var attributor = new PodCacheAttributor(cache);
        var first = default(FlowEndpoint);
        var second = default(FlowEndpoint);

        attributor.TryAttribute(Ip("10.0.0.1"), Nanos(Start.AddSeconds(1)), ref first);
        attributor.TryAttribute(Ip("10.0.0.1"), Nanos(Start.AddSeconds(2)), ref second);

        Assert.Same(first.Labels, second.Labels);
        Assert.Equal(1, attributor.CachedPods);
    }

    [Fact]
    public void TryAttribute_UnknownAddress_ReturnsFalseAndLeavesEndpoint()
    {
        var cache = CacheWith(Created(Some.Pod("a", "shop", ip: "10.0.0.1"), Start));
        var attributor = new PodCacheAttributor(cache, fallbackToCurrent: true);
        var endpoint = new FlowEndpoint { ServiceName = "kept" };

        var found = attributor.TryAttribute(Ip("10.0.0.9"), Nanos(Start.AddSeconds(1)), ref endpoint);

        Assert.False(found);
        Assert.Equal(("kept", null, null), (endpoint.ServiceName, endpoint.PodName, endpoint.Namespace));
    }

    [Fact]
    public void TryAttribute_TimeBeforePodExisted_NeedsFallbackToCurrent()
    {
        var cache = CacheWith(Created(Some.Pod("a", "shop", ip: "10.0.0.1"), Start));
        var recorded = Nanos(Start.AddDays(-30));
        var strict = new PodCacheAttributor(cache);
        var lenient = new PodCacheAttributor(cache, fallbackToCurrent: true);
        var endpoint = default(FlowEndpoint);

        Assert.False(strict.TryAttribute(Ip("10.0.0.1"), recorded, ref endpoint));
        Assert.True(lenient.TryAttribute(Ip("10.0.0.1"), recorded, ref endpoint));
        Assert.Equal("a", endpoint.PodName);
    }

    [Fact]
    public void TryAttribute_MorePodsThanCap_StaysBounded()
    {
        var cache = CacheWith(
            Created(Some.Pod("a", ip: "10.0.0.1"), Start),
            Created(Some.Pod("b", ip: "10.0.0.2"), Start),
            Created(Some.Pod("c", ip: "10.0.0.3"), Start));
        var attributor = new PodCacheAttributor(cache, maxCachedPods: 2);
        var endpoint = default(FlowEndpoint);

        foreach (var ip in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" })
        {
            Assert.True(attributor.TryAttribute(Ip(ip), Nanos(Start.AddSeconds(1)), ref endpoint));
        }

        Assert.InRange(attributor.CachedPods, 1, 2);
    }

    [Fact]
    public void TryAttribute_SteadyState_AllocatesNothing()
    {
        var cache = CacheWith(Created(Some.Pod("a", ip: "10.0.0.1", labels: new() { ["app"] = "a" }), Start));
        var attributor = new PodCacheAttributor(cache);
        var hit = Ip("10.0.0.1");
        var miss = Ip("10.0.0.2");
        var at = Nanos(Start.AddSeconds(1));
        var endpoint = default(FlowEndpoint);
        attributor.TryAttribute(hit, at, ref endpoint);

        var bytes = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                attributor.TryAttribute(hit, at, ref endpoint);
                attributor.TryAttribute(miss, at, ref endpoint);
            }
        });

        Assert.Equal(0, bytes);
    }

    private static PodIpCache CacheWith(params JsonObject[] pods)
    {
        var cache = new PodIpCache(new FakeTimeProvider(Start.AddMinutes(1)));
        foreach (var pod in pods)
        {
            cache.OnPod(WatchEventType.Added, pod);
        }

        return cache;
    }

    private static JsonObject Created(JsonObject pod, DateTimeOffset at)
    {
        pod["metadata"]!["uid"] ??= "uid-" + pod["metadata"]!["name"]!.GetValue<string>();
        pod["metadata"]!["creationTimestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return pod;
    }

    private static long Nanos(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;

    private static IpAddr Ip(string text) => IpAddr.TryParse(text.AsSpan(), out var ip) ? ip : throw new ArgumentException(text);
}
