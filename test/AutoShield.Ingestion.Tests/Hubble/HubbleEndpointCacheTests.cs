using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleEndpointCacheTests
{
    private const string Labels = "\"labels\":[\"k8s:app=reviews\",\"k8s:io.kubernetes.pod.namespace=bookinfo\"]";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Endpoint(string pod) => "{\"identity\":11615,\"namespace\":\"bookinfo\"," + Labels + ",\"pod_name\":\"" + pod + "\"}";

    private static FlowEndpoint Parsed(string pod) => new() { PodName = pod, Namespace = "bookinfo", Identity = 11615 };

    [Fact]
    public void TryMatchStart_CachedObjectFollowedByMoreJson_ReturnsItAndItsLength()
    {
        var cache = new HubbleEndpointCache(64);
        var json = Endpoint("reviews-v1-aaaaa");
        cache.Add(Utf8(json), Parsed("reviews-v1-aaaaa"));

        Assert.True(cache.TryMatchStart(Utf8(json + ",\"Type\":\"L3_L4\"}}"), out var endpoint, out var length));

        Assert.Equal("reviews-v1-aaaaa", endpoint.PodName);
        Assert.Equal(json.Length, length);
    }

    [Fact]
    public void TryMatchStart_ReplicasWithSamePrefixAndLength_EachFindsItself()
    {
        var cache = new HubbleEndpointCache(64);
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
        var cache = new HubbleEndpointCache(64);
        cache.Add(Utf8(Endpoint("reviews-v1-aaaaa")), Parsed("reviews-v1-aaaaa"));

        Assert.False(cache.TryMatchStart(Utf8(Endpoint("reviews-v1-aaaaa-longer") + "}"), out _, out _));
        Assert.False(cache.TryMatchStart(Utf8(Endpoint("reviews-v1-aaaa")), out _, out _));
    }

    [Fact]
    public void TryGet_ShortObject_FoundOnlyByItsExactBytes()
    {
        var cache = new HubbleEndpointCache(64);
        var json = Utf8("{\"identity\":2,\"labels\":[\"reserved:world\"]}");
        cache.Add(json, new FlowEndpoint { Identity = 2 });

        Assert.True(cache.TryGet(json, out var endpoint));
        Assert.Equal(2u, endpoint.Identity);
        Assert.False(cache.TryGet(json.AsSpan(1), out _));
    }

    [Fact]
    public void Add_MoreThanCapacity_StartsAfreshAndStaysBounded()
    {
        var cache = new HubbleEndpointCache(16);

        for (var i = 0; i < 40; i++)
        {
            cache.Add(Utf8(Endpoint($"pod-{i:D4}")), Parsed($"pod-{i:D4}"));
        }

        Assert.Equal(8, cache.Count);
        Assert.True(cache.TryMatchStart(Utf8(Endpoint("pod-0039") + "}"), out var last, out _));
        Assert.Equal("pod-0039", last.PodName);
        Assert.False(cache.TryMatchStart(Utf8(Endpoint("pod-0000") + "}"), out _, out _));
    }
}
