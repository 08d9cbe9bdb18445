using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Fake;
using AutoShield.Kubernetes.Watch;

namespace AutoShield.Kubernetes.Tests.Watch;

public sealed class InformerTests
{
    [Fact]
    public async Task RunAsync_DroppedWatch_ResumesWithoutLosingOrRepeatingEvents()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cm-0"));
        var client = cluster.Client();
        var seen = new List<string>();
        var informer = new Informer(client, ResourceTypes.ConfigMaps, "default");
        informer.Subscribe(e => { lock (seen) { seen.Add($"{e.Type}:{ObjectMeta.Name(e.Object)}"); } });
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually(() => cluster.Server.Store.OpenWatches == 1);

        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cm-1"));
        await Eventually(() => Snapshot(seen).Contains("Added:cm-1"));
        cluster.Server.DropWatches();
        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cm-2"));
        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cm-3"));
        await client.ReplaceAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cm-1", value: "changed"));
        cluster.Server.DropWatches();
        await client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "cm-2");
        await Eventually(() => Snapshot(seen).Count == 6);
        await stop.CancelAsync();
        await run;

        Assert.Equal(["Added:cm-0", "Added:cm-1", "Added:cm-2", "Added:cm-3", "Modified:cm-1", "Deleted:cm-2"], Snapshot(seen));
        Assert.True(informer.Watches >= 2);
        Assert.Equal(1, informer.Lists);
        Assert.Equal(["cm-0", "cm-1", "cm-3"], informer.Items.Select(i => ObjectMeta.Name(i)).Order());
    }

    [Fact]
    public async Task RunAsync_WatchDroppedMidStream_ReconnectsFromLastEvent()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var seen = new List<string>();
        cluster.Server.Faults.DropNextWatchAfter(2);
        var informer = new Informer(client, ResourceTypes.ConfigMaps, "default");
        informer.Subscribe(e => { lock (seen) { seen.Add(ObjectMeta.Name(e.Object)!); } });
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 5; i++)
        {
            await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap($"cm-{i}"));
        }

        await Eventually(() => Snapshot(seen).Count == 5);
        await stop.CancelAsync();
        await run;

        Assert.Equal(["cm-0", "cm-1", "cm-2", "cm-3", "cm-4"], Snapshot(seen));
        Assert.True(informer.Watches >= 2);
    }

    [Fact]
    public async Task RunAsync_ResourceVersionCompactedWhileDisconnected_RelistsAndReportsDifference()
    {
        await using var cluster = await FakeCluster.StartAsync(new FakeServerOptions { HistoryLimit = 2 });
        cluster.Server.Seed(Some.ConfigMap("old"));
        var client = cluster.Client();
        var seen = new List<string>();
        var errors = new List<Exception>();
        var informer = new Informer(client, ResourceTypes.ConfigMaps, "default", new InformerOptions
        {
            FailureBackoff = TimeSpan.FromMilliseconds(5),
            OnError = e => { lock (errors) { errors.Add(e); } },
        });
        informer.Subscribe(e => { lock (seen) { seen.Add($"{e.Type}:{ObjectMeta.Name(e.Object)}"); } });
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually(() => cluster.Server.Store.OpenWatches == 1);

        cluster.Server.Faults.AbortNext(1000, r => r.Verb == "watch");
        cluster.Server.DropWatches();
        await Eventually(() => cluster.Server.Store.OpenWatches == 0);
        await client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "old");
        for (var i = 0; i < 4; i++)
        {
            await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap($"new-{i}"));
        }

        cluster.Server.Faults.Clear();
        await Eventually(() => informer.Lists == 2 && Snapshot(seen).Count == 6);
        await stop.CancelAsync();
        await run;

        Assert.Equal(["Added:old", "Added:new-0", "Added:new-1", "Added:new-2", "Added:new-3", "Deleted:old"], Snapshot(seen));
        Assert.Contains(Snapshot(errors), e => e is KubernetesGoneException);
    }

    [Fact]
    public async Task RunAsync_Bookmark_AdvancesResourceVersionWithoutEvents()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var events = 0;
        var informer = new Informer(client, ResourceTypes.Pods, "default");
        informer.Subscribe(_ => Interlocked.Increment(ref events));
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually(() => cluster.Server.Store.OpenWatches == 1);

        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("elsewhere"));
        var latest = cluster.Server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cluster.Server.SendBookmarks();
        await Eventually(() => informer.ResourceVersion == latest);
        await stop.CancelAsync();
        await run;

        Assert.Equal(0, events);
    }

    [Fact]
    public async Task RunAsync_SubscriberThrows_OthersStillGetEventsAndErrorIsReported()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("a"));
        var errors = new List<Exception>();
        var seen = new List<string>();
        var informer = new Informer(cluster.Client(), ResourceTypes.ConfigMaps, "default", new InformerOptions { OnError = e => { lock (errors) { errors.Add(e); } } });
        informer.Subscribe(_ => throw new InvalidOperationException("broken subscriber"));
        informer.Subscribe(e => { lock (seen) { seen.Add(ObjectMeta.Name(e.Object)!); } });
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);

        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await run;

        Assert.Equal(["a"], Snapshot(seen));
        Assert.IsType<InvalidOperationException>(Assert.Single(Snapshot(errors)));
    }

    private static List<T> Snapshot<T>(List<T> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    internal static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
