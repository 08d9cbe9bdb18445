using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Config;
using AutoShield.Kubernetes.Config.Credentials;
using AutoShield.Kubernetes.Fake;

namespace AutoShield.Kubernetes.Tests;

/// <summary>A fake API server and clients connected to it, for one test.</summary>
internal sealed class FakeCluster : IAsyncDisposable
{
    private readonly List<KubernetesClient> _clients = [];

    private FakeCluster(FakeKubernetesServer server)
    {
        Server = server;
    }

    public FakeKubernetesServer Server { get; }

    public List<RetryAttempt> Retries { get; } = [];

    public static async Task<FakeCluster> StartAsync(FakeServerOptions? options = null) =>
        new(await FakeKubernetesServer.StartAsync(options));

    /// <summary>A client over HTTPS trusting the fake's CA, with fast retries recorded in <see cref="Retries"/>.</summary>
    public KubernetesClient Client(string? token = null, KubernetesClientOptions? options = null, string ns = "default")
    {
        var connection = Connection(token, ns);
        var client = new KubernetesClient(connection, options ?? FastRetries());
        _clients.Add(client);
        return client;
    }

    public KubernetesConnection Connection(string? token = null, string ns = "default") => new(Server.HttpsUri)
    {
        CertificateAuthorities = [Server.CertificateAuthority.Certificate],
        Credentials = token is null ? null : new StaticCredentials(new KubernetesCredentials(token)),
        Namespace = ns,
    };

    public KubernetesClientOptions FastRetries() => new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        OnRetry = attempt =>
        {
            lock (Retries)
            {
                Retries.Add(attempt);
            }
        },
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }
}
