using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Kubernetes.Tests.Actions;

/// <summary>A fake cluster seeded with <see cref="ActionWorld"/>, a webhook receiver, an alert queue, and actuators over them.</summary>
internal sealed class ActuatorHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private ActuatorHarness(FakeCluster cluster, WebhookReceiver webhook)
    {
        Cluster = cluster;
        Webhook = webhook;
        Registry = ActionRegistry.CreateDefault(Alerts, _http);
    }

    public FakeCluster Cluster { get; }

    public WebhookReceiver Webhook { get; }

    public QueuedAlertSink Alerts { get; } = new();

    public ActionRegistry Registry { get; }

    public static async Task<ActuatorHarness> StartAsync()
    {
        var cluster = await FakeCluster.StartAsync();
        ActionWorld.Seed(cluster.Server);
        return new ActuatorHarness(cluster, await WebhookReceiver.StartAsync());
    }

    public KubernetesActuator Actuator(IActionLedger? ledger = null, KubernetesActuatorOptions? options = null, KubernetesClient? client = null) =>
        new(client ?? Cluster.Client(), ledger ?? new InMemoryActionLedger(), Registry, options);

    /// <summary>The request of the scenario for <paramref name="actionType"/>.</summary>
    public ActionRequest Request(string actionType, string id = "a-1") => ActionScenarios.Request(actionType, id, Webhook.Url);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Webhook.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
