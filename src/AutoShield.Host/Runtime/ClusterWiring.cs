using AutoShield.Core.Flows;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Config;
using AutoShield.Kubernetes.Leadership;
using AutoShield.Kubernetes.Ledger;
using AutoShield.Kubernetes.Pods;
using AutoShield.Kubernetes.Watch;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Runtime;

/// <summary>
/// The cluster side of the process: the typed client, the ledger-backed actuator, the watch-fed pod cache (which
/// attributes flows and sizes workloads for blast-radius limits) and leader election. Its services reconcile the
/// ledger at start, then run the informers and the election until the process stops.
/// </summary>
public sealed class ClusterWiring : IDisposable
{
    private readonly KubernetesClient _client;
    private readonly HttpClient _webhooks = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly SqliteActionLedger? _sqlite;
    private readonly Informer _pods;
    private readonly Informer _replicaSets;
    private readonly Action<string> _log;

    public ClusterWiring(KubernetesConnection connection, ClusterWiringOptions options, Action<string>? log = null)
    {
        _log = log ?? (static _ => { });
        _client = new KubernetesClient(connection);
        _sqlite = options.LedgerPath is { } path ? new SqliteActionLedger(path) : null;
        Ledger = _sqlite is not null ? _sqlite : new InMemoryActionLedger();
        Alerts = new QueuedAlertSink();
        Leader = options.Leadership is { } leadership ? new LeaderElector(_client, leadership with { Identity = options.Identity }) : null;
        Actuator = new KubernetesActuator(_client, Ledger, ActionRegistry.CreateDefault(Alerts, _webhooks), new KubernetesActuatorOptions
        {
            Instance = options.Identity,
            TimeProvider = options.Time,

            // Fencing: the actuator checks again right before each call, so a replica that lost the Lease mid-decision does not act.
            IsLeader = Leader is { } elector ? () => elector.IsLeader : static () => true,
        });
        PodCache = new PodIpCache(options.Time);
        var informerOptions = new InformerOptions { TimeProvider = options.Time, OnError = e => _log($"pod watch: {e.Message}") };
        _pods = new Informer(_client, ResourceTypes.Pods, options: informerOptions);
        _replicaSets = new Informer(_client, ResourceTypes.ReplicaSets, options: informerOptions);
        PodCache.Attach(_pods, _replicaSets);
        Inventory = new PodCacheInventory(PodCache);
        Attributor = options.Attribute ? new PodCacheAttributor(PodCache) : null;
    }

    public KubernetesActuator Actuator { get; }

    public IActionLedger Ledger { get; }

    public QueuedAlertSink Alerts { get; }

    public PodIpCache PodCache { get; }

    public IClusterInventory Inventory { get; }

    public IEndpointAttributor? Attributor { get; }

    public LeaderElector? Leader { get; }

    /// <summary>Whether this replica may act: the leader when electing, always otherwise.</summary>
    public bool MayAct => Leader?.IsLeader ?? true;

    /// <summary>The background work: ledger reconciliation (once, by whoever may act), the informers and the election.</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> Services =>
    [
        _replicaSets.RunAsync,
        _pods.RunAsync,
        ReconcileWhenActingAsync,
        .. Leader is { } leader ? new Func<CancellationToken, Task>[] { leader.RunAsync } : [],
    ];

    /// <summary>Completes once the pod and ReplicaSet caches hold the cluster's current state.</summary>
    public Task SyncedAsync(CancellationToken cancellationToken) => Task.WhenAll(_pods.Synced, _replicaSets.Synced).WaitAsync(cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        _webhooks.Dispose();
        _sqlite?.Dispose();
    }

    // A crash can leave actions pending in the ledger; the replica that acts finishes, retries or reverts them once.
    private async Task ReconcileWhenActingAsync(CancellationToken cancellationToken)
    {
        while (!MayAct)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        try
        {
            var report = await Actuator.ReconcileAsync(cancellationToken);
            _log($"ledger reconciled: {report.Finished} finished, {report.Retried} retried, {report.Reverted} reverted, {report.Expired} expired, {report.Failed} failed");
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException or IOException)
        {
            _log($"ledger reconciliation failed: {ex.Message}");
        }
    }
}
