using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Config.Credentials;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Client;

public sealed class RetryTests
{
    [Fact]
    public async Task GetAsync_ThrottledWithRetryAfter_WaitsThatLongOnTheInjectedClock()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        cluster.Server.Faults.ThrottleNext(2, retryAfterSeconds: 3);
        var clock = new FakeTimeProvider();
        var client = cluster.Client(options: cluster.FastRetries() with { TimeProvider = clock });

        var get = client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg");
        for (var i = 0; i < 400 && !get.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal("cfg", ObjectMeta.Name(await get));
        Assert.Equal([(429, TimeSpan.FromSeconds(3)), (429, TimeSpan.FromSeconds(3))], cluster.Retries.Select(r => (r.StatusCode!.Value, r.Delay)));
        Assert.Equal([429, 429, 200], cluster.Server.Requests.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GetAsync_TransientServerErrors_RetriedWithGrowingBackoff(int code)
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        cluster.Server.Faults.FailNext(3, code);
        var client = cluster.Client(options: cluster.FastRetries() with { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromSeconds(1) });

        var got = await client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg");

        Assert.Equal("cfg", ObjectMeta.Name(got));
        Assert.Equal([code, code, code], cluster.Retries.Select(r => r.StatusCode!.Value));
        var delays = cluster.Retries.Select(r => r.Delay.TotalMilliseconds).ToList();
        Assert.All(delays.Select((d, i) => (d, i)), x => Assert.InRange(x.d, 2 * Math.Pow(2, x.i) / 2, 2 * Math.Pow(2, x.i)));
    }

    [Fact]
    public async Task GetAsync_ErrorsOutlastRetries_ThrowsServerError()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Faults.FailNext(10, 503);
        var client = cluster.Client(options: cluster.FastRetries() with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<KubernetesServerErrorException>(() => client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("ServiceUnavailable", error.Reason);
        Assert.Equal(3, cluster.Server.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_ConnectionDroppedWithoutAnswer_Retried()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        cluster.Server.Faults.AbortNext(2);
        var client = cluster.Client();

        var got = await client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg");

        Assert.Equal("cfg", ObjectMeta.Name(got));
        Assert.Equal(2, cluster.Retries.Count(r => r.Error is not null));
    }

    [Fact]
    public async Task GetAsync_AnswerSlowerThanRequestTimeout_RetriedThenThrowsTimeout()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Faults.Latency = TimeSpan.FromMilliseconds(500);
        var client = cluster.Client(options: cluster.FastRetries() with { MaxRetries = 1, RequestTimeout = TimeSpan.FromMilliseconds(20) });

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg"));

        Assert.IsType<TimeoutException>(Assert.Single(cluster.Retries).Error);
    }

    [Fact]
    public async Task CreateAsync_ServerErrorBeforeStoring_ChecksThenCreatesOnce()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Faults.FailNext(1, 500, r => r.Verb == "create");
        var client = cluster.Client();

        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg"));

        Assert.Equal("cfg", ObjectMeta.Name(created));
        Assert.Equal([("create", 500), ("get", 404), ("create", 201)], cluster.Server.Requests.Select(r => (r.Verb, r.StatusCode)));
    }

    [Fact]
    public async Task CreateAsync_AnswerLostAfterStoring_ReturnsStoredObjectInsteadOfCreatingTwice()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var store = cluster.Server.Store;
        var kind = cluster.Server.KindOf("v1", "ConfigMap");
        cluster.Server.Faults.AbortNext(1, r =>
        {
            if (r.Verb != "create")
            {
                return false;
            }

            // The write lands, then the connection drops before the answer: the client cannot know which happened.
            store.Create(kind, "default", Some.ConfigMap("cfg"), AutoShield.Kubernetes.Fake.Store.StoreWriteOptions.Default);
            return true;
        });

        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg"));

        Assert.Equal("cfg", ObjectMeta.Name(created));
        Assert.Equal(["create", "get"], cluster.Server.Requests.Select(r => r.Verb));
    }

    [Fact]
    public async Task CreateAsync_Throttled_RetriedBecauseNothingWasProcessed()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Faults.ThrottleNext(1, 0, r => r.Verb == "create");
        var client = cluster.Client();

        await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg"));

        Assert.Equal([("create", 429), ("create", 201)], cluster.Server.Requests.Select(r => (r.Verb, r.StatusCode)));
    }

    [Fact]
    public async Task GetAsync_RotatedTokenFile_RereadAfterUnauthorized()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        cluster.Server.Access.AddToken("fresh", "autoshield");
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        var tokenFile = Path.Combine(Directory.CreateTempSubdirectory("token").FullName, "token");
        await File.WriteAllTextAsync(tokenFile, "stale\n");
        var connection = cluster.Connection() with { Credentials = new TokenFileCredentials(tokenFile) };
        using var client = new KubernetesClient(connection, cluster.FastRetries());
        await Assert.ThrowsAsync<KubernetesUnauthorizedException>(() => client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg"));

        await File.WriteAllTextAsync(tokenFile, "fresh\n");
        var got = await client.GetAsync(ResourceTypes.ConfigMaps, "default", "cfg");

        Assert.Equal("cfg", ObjectMeta.Name(got));
        Assert.Equal("autoshield", cluster.Server.Requests[^1].User);
    }
}
