using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Fake;
using AutoShield.Kubernetes.Watch;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Watch;

public sealed class WatchAsyncTests
{
    [Fact]
    public async Task WatchAsync_FromListVersion_YieldsLaterChangesInOrder()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("before"));
        var client = cluster.Client();
        var list = await client.ListAsync(ResourceTypes.ConfigMaps, "default");
        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("after"));
        await client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "before");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var events = new List<WatchEvent>();
        await foreach (var e in client.WatchAsync(ResourceTypes.ConfigMaps, "default", new WatchOptions { ResourceVersion = list.ResourceVersion }, timeout.Token))
        {
            events.Add(e);
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "after"), (WatchEventType.Deleted, "before")], events.Select(e => (e.Type, ObjectMeta.Name(e.Object))));
        Assert.Equal("ConfigMap", events[0].Object["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task WatchAsync_LabelSelector_ObjectLeavingSelectorArrivesAsDeleted()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("p", labels: new() { ["app"] = "web" }));
        var client = cluster.Client();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<WatchEventType>();

        await foreach (var e in client.WatchAsync(ResourceTypes.Pods, "default", new WatchOptions { LabelSelector = "app=web" }, timeout.Token))
        {
            events.Add(e.Type);
            if (events.Count == 1)
            {
                await client.PatchAsync(ResourceTypes.Pods, "default", "p", PatchType.Merge, System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"labels":{"app":"other"}}}""")!);
            }
            else
            {
                break;
            }
        }

        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted], events);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WatchAsync_CompactedResourceVersion_ThrowsGoneAsEventOrHttpStatus(bool asErrorEvent)
    {
        await using var cluster = await FakeCluster.StartAsync(new FakeServerOptions { GoneAsErrorEvent = asErrorEvent });
        var client = cluster.Client();
        var list = await client.ListAsync(ResourceTypes.ConfigMaps, "default");
        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("x"));
        cluster.Server.Store.Compact();

        var gone = await Assert.ThrowsAsync<KubernetesGoneException>(async () =>
        {
            await foreach (var unused in client.WatchAsync(ResourceTypes.ConfigMaps, "default", new WatchOptions { ResourceVersion = list.ResourceVersion }))
            {
            }
        });

        Assert.Equal(410, gone.StatusCode);
        Assert.Equal("Expired", gone.Reason);
    }

    [Fact]
    public async Task WatchAsync_BookmarkInterval_SendsBookmarkWhenClockPasses()
    {
        var clock = new FakeTimeProvider();
        await using var cluster = await FakeCluster.StartAsync(new FakeServerOptions { TimeProvider = clock, BookmarkInterval = TimeSpan.FromMinutes(1) });
        cluster.Server.Seed(Some.ConfigMap("x"));
        var client = cluster.Client();
        var list = await client.ListAsync(ResourceTypes.ConfigMaps, "default");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watch = client.WatchAsync(ResourceTypes.ConfigMaps, "default", new WatchOptions { ResourceVersion = list.ResourceVersion }, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = watch.MoveNextAsync().AsTask();

        for (var i = 0; i < 200 && !next.IsCompleted; i++)
        {
            if (cluster.Server.Store.OpenWatches == 1)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }

            await Task.Delay(25);
        }

        Assert.True(await next);
        Assert.Equal(WatchEventType.Bookmark, watch.Current.Type);
        Assert.Equal(list.ResourceVersion, watch.Current.ResourceVersion);
        await watch.DisposeAsync();
    }
}
