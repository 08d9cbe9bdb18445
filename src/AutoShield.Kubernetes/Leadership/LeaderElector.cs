using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease: with N replicas exactly one actuates. Acquire, renew and
/// release are writes carrying the resourceVersion read, so when two replicas race the API server accepts one and
/// answers 409 to the other. A replica judges another's Lease expired by its own clock, from when it last saw the
/// Lease change (as client-go does), so clocks need not agree; the leader stops calling itself leader once
/// <see cref="LeaderElectionOptions.RenewDeadline"/> passes without a renewal, before anyone may take over.
/// </summary>
public sealed class LeaderElector
{
    private readonly KubernetesClient _client;
    private readonly LeaderElectionOptions _options;

    // Written and read by the election loop; IsLeader reads them from other threads, hence the lock.
    private readonly Lock _gate = new();
    private DateTimeOffset? _renewedAt;
    private string? _observedRecord;
    private DateTimeOffset _observedAt;

    public LeaderElector(KubernetesClient client, LeaderElectionOptions options)
    {
        _client = client;
        _options = options;
    }

    /// <summary>The RBAC leader election needs, on Leases in its namespace (a Role, not the ClusterRole).</summary>
    public static IReadOnlyList<RbacRequirement> Rbac { get; } = [RbacRequirement.Of("coordination.k8s.io", "leases", "get", "create", "update")];

    public string Identity => _options.Identity;

    /// <summary>True while this replica renewed the Lease less than RenewDeadline ago.</summary>
    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _renewedAt is { } at && _options.TimeProvider.GetUtcNow() - at < _options.RenewDeadline;
            }
        }
    }

    /// <summary>One round: create the Lease, renew ours, or take over an expired one. True when this replica leads after it.</summary>
    public async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken = default)
    {
        var now = _options.TimeProvider.GetUtcNow();
        try
        {
            var lease = await _client.TryGetAsync(ResourceTypes.Leases, _options.Namespace, _options.LeaseName, cancellationToken);
            if (lease is null)
            {
                await _client.CreateAsync(ResourceTypes.Leases, _options.Namespace, NewLease(now), cancellationToken: cancellationToken);
                return Renewed(now);
            }

            var spec = lease["spec"] as JsonObject ?? [];
            lease["spec"] = spec;
            var holder = spec["holderIdentity"]?.GetValue<string>();
            Observe(spec, now);
            if (holder != _options.Identity && !string.IsNullOrEmpty(holder) && !ObservedExpired(spec, now))
            {
                return Lost();
            }

            if (holder != _options.Identity)
            {
                spec["holderIdentity"] = _options.Identity;
                spec["acquireTime"] = MicroTime(now);
                spec["leaseTransitions"] = (spec["leaseTransitions"]?.GetValue<int>() ?? 0) + 1;
            }

            spec["leaseDurationSeconds"] = (int)_options.LeaseDuration.TotalSeconds;
            spec["renewTime"] = MicroTime(now);
            await _client.ReplaceAsync(ResourceTypes.Leases, _options.Namespace, lease, cancellationToken: cancellationToken);
            return Renewed(now);
        }
        catch (Exception error) when (error is KubernetesConflictException or KubernetesAlreadyExistsException)
        {
            // Another replica wrote the Lease between our read and our write: it won this round.
            return Lost();
        }
        catch (Exception error) when (error is KubernetesApiException or HttpRequestException or IOException)
        {
            // The API server is unreachable: keep leading only until the renew deadline runs out.
            return IsLeader;
        }
    }

    /// <summary>Gives the Lease up (on shutdown) so another replica takes over at once instead of after the lease duration.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _renewedAt = null;
        }

        try
        {
            var lease = await _client.TryGetAsync(ResourceTypes.Leases, _options.Namespace, _options.LeaseName, cancellationToken);
            if (lease?["spec"] is not JsonObject spec || spec["holderIdentity"]?.GetValue<string>() != _options.Identity)
            {
                return;
            }

            spec["holderIdentity"] = null;
            spec["leaseDurationSeconds"] = 1;
            spec["renewTime"] = MicroTime(_options.TimeProvider.GetUtcNow());
            await _client.ReplaceAsync(ResourceTypes.Leases, _options.Namespace, lease, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is KubernetesApiException or HttpRequestException or IOException)
        {
            // Not released: the others take over when the lease duration runs out, as after a crash.
        }
    }

    /// <summary>Tries every RetryPeriod until cancelled, then releases the Lease if held.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await TryAcquireOrRenewAsync(cancellationToken);
                await Task.Delay(_options.RetryPeriod, _options.TimeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await ReleaseAsync(CancellationToken.None);
    }

    private void Observe(JsonObject spec, DateTimeOffset now)
    {
        var record = $"{spec["holderIdentity"]}|{spec["renewTime"]}|{spec["leaseTransitions"]}";
        lock (_gate)
        {
            if (record != _observedRecord)
            {
                _observedRecord = record;
                _observedAt = now;
            }
        }
    }

    private bool ObservedExpired(JsonObject spec, DateTimeOffset now)
    {
        var seconds = spec["leaseDurationSeconds"]?.GetValue<int>() ?? (int)_options.LeaseDuration.TotalSeconds;
        lock (_gate)
        {
            return now >= _observedAt + TimeSpan.FromSeconds(seconds);
        }
    }

    private bool Renewed(DateTimeOffset now)
    {
        lock (_gate)
        {
            _renewedAt = now;
        }

        return true;
    }

    private bool Lost()
    {
        lock (_gate)
        {
            _renewedAt = null;
        }

        return false;
    }

    private JsonObject NewLease(DateTimeOffset now) => new()
    {
        ["apiVersion"] = ResourceTypes.Leases.ApiVersion,
        ["kind"] = ResourceTypes.Leases.Kind,
        ["metadata"] = new JsonObject { ["name"] = _options.LeaseName, ["namespace"] = _options.Namespace },
        ["spec"] = new JsonObject
        {
            ["holderIdentity"] = _options.Identity,
            ["leaseDurationSeconds"] = (int)_options.LeaseDuration.TotalSeconds,
            ["acquireTime"] = MicroTime(now),
            ["renewTime"] = MicroTime(now),
            ["leaseTransitions"] = 0,
        },
    };

    private static string MicroTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
