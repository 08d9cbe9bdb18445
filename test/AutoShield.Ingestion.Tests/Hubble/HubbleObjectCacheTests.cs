using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleObjectCacheTests
{
    private const string Labels = "\"labels\":[\"k8s:app=reviews\",\"k8s:io.kubernetes.pod.namespace=bookinfo\"]";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Endpoint(string pod) => "{\"identity\":11615,\"namespace\":\"bookinfo\"," + Labels + ",\"pod_name\":\"" + pod + "\"}";

    private static HubbleObjectCache<FlowEndpoint> NewCache() => new(64, prefixBytes: 64, arenaBytes: 64 * 1024);

    private static FlowEndpoint Parsed(string pod) => new() { PodName = pod, Namespace = "bookinfo", Identity = 11615 };

    [Fact]
    public void TryMatchStart_CachedObjectFollowedByMoreJson_ReturnsItAndItsLength()
    {
        var cache = NewCache();
        var json = Endpoint("reviews-v1-aaaaa");
        cache.Add(Utf8(json), Parsed("reviews-v1-aaaaa"));

        Assert.True(cache.TryMatchStart(Utf8(json + ",\"Type\":\"L3_L4\"}}"), out var endpoint, out var length));

        Assert.Equal("reviews-v1-aaaaa", endpoint.PodName);
        Assert.Equal(json.Length, length);
    }

    [Fact]
    public void TryMatchStart_ReplicasWithSamePrefixAndLength_EachFindsItself()
    {
        var cache = NewCache();
        string[] pods = ["reviews-v1-aaaaa", "reviews-v1-bbbbb", "reviews-v1-ccccc"];
        foreach (var pod in pods)
        {
            cache.Add(Utf8(Endpoint(pod)), Parsed(pod));
        }

        foreach (var pod in pods)
        {
            Assert.True(cache.TryMatchStart(Utf8(Endpoint(pod) + "}"), out var endpoint, out _));
            Assert.Equal(pod, endpoint.PodName);
        }

        Assert.False(cache.TryMatchStart(Utf8(Endpoint("reviews-v1-ddddd") + "}"), out _, out _));
    }

    [Fact]
    public void TryMatchStart_SamePrefixDifferentEnd_DoesNotMatch()
    {
        var cache = NewCache();
        cache.Add(Utf8(Endpoint("reviews-v1-aaaaa")), Parsed("reviews-v1-aaaaa"));

        Assert.False(cache.TryMatchStart(Utf8(Endpoint("reviews-v1-aaaaa-longer") + "}"), out _, out _));
        Assert.False(cache.TryMatchStart(Utf8(Endpoint("reviews-v1-aaaa")), out _, out _));
    }

    [Fact]
    public void TryGet_ShortObject_FoundOnlyByItsExactBytes()
    {
        var cache = NewCache();
        var json = Utf8("{\"identity\":2,\"labels\":[\"reserved:world\"]}");
        cache.Add(json, new FlowEndpoint { Identity = 2 });

        Assert.True(cache.TryGet(json, out var endpoint));
        Assert.Equal(2u, endpoint.Identity);
        Assert.False(cache.TryGet(json.AsSpan(1), out _));
    }

    [Fact]
    public void Add_MoreThanCapacity_StartsAfreshAndStaysBounded()
    {
        var cache = new HubbleObjectCache<FlowEndpoint>(16, prefixBytes: 64, arenaBytes: 64 * 1024);

        for (var i = 0; i < 40; i++)
        {
            cache.Add(Utf8(Endpoint($"pod-{i:D4}")), Parsed($"pod-{i:D4}"));
        }

        Assert.Equal(8, cache.Count);
        Assert.True(cache.TryMatchStart(Utf8(Endpoint("pod-0039") + "}"), out var last, out _));
        Assert.Equal("pod-0039", last.PodName);
        Assert.False(cache.TryMatchStart(Utf8(Endpoint("pod-0000") + "}"), out _, out _));
    }

    [Fact]
    public void Add_ArenaFull_StartsAfreshWithoutLosingNewEntries()
    {
        var cache = new HubbleObjectCache<FlowEndpoint>(1_024, prefixBytes: 64, arenaBytes: 4_096);
        var size = Utf8(Endpoint("pod-0000")).Length;

        for (var i = 0; i < 100; i++)
        {
            cache.Add(Utf8(Endpoint($"pod-{i:D4}")), Parsed($"pod-{i:D4}"));
        }

        Assert.True(cache.Resets > 0);
        Assert.True(cache.Count * size <= 4_096);
        Assert.True(cache.TryGet(Utf8(Endpoint("pod-0099")), out var last));
        Assert.Equal("pod-0099", last.PodName);
    }

    [Fact]
    public void Add_ObjectLongerThanMaxKey_IsNotHeld()
    {
        var cache = NewCache();
        var json = Utf8(Endpoint(new string('p', HubbleObjectCache<FlowEndpoint>.MaxKeyBytes)));

        cache.Add(json, Parsed("long"));

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(json, out _));
    }
}
