using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Core.Net;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Watch;

namespace AutoShield.Kubernetes.Pods;

/// <summary>
/// Which pod held which IP when, fed by pod (and optionally ReplicaSet) watch events, so flows that carry only
/// addresses can be attributed. Each IP keeps a short history of holds: a pod's hold starts at its creation and
/// ends when it is deleted, finishes (Succeeded/Failed) or changes IP, or when a new pod takes the IP. Flows at a
/// time inside a hold go to that pod; flows shortly after a release (the grace) still go to the last holder.
/// Host-network pods share their node's IP and are not attributed.
/// </summary>
public sealed class PodIpCache : IPodAttributor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IpAddr, List<IpHold>> _holds = [];
    private readonly Dictionary<string, HashSet<IpAddr>> _podIps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkloadRef?> _replicaSetOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Namespace, string Workload)> _podWorkloads = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly PodIpCacheOptions _options;

    public PodIpCache(TimeProvider? time = null, PodIpCacheOptions? options = null)
    {
        _time = time ?? TimeProvider.System;
        _options = options ?? new PodIpCacheOptions();
    }

    /// <summary>How many IPs have a hold (current or remembered).</summary>
    public int TrackedAddresses
    {
        get
        {
            lock (_gate)
            {
                return _holds.Count;
            }
        }
    }

    /// <summary>Feeds the cache from informers of pods (all namespaces) and, for exact Deployment names, ReplicaSets.</summary>
    public void Attach(Informer pods, Informer? replicaSets = null)
    {
        ArgumentNullException.ThrowIfNull(pods);
        replicaSets?.Subscribe(e => OnReplicaSet(e.Type, e.Object));
        pods.Subscribe(e => OnPod(e.Type, e.Object));
    }

    /// <summary>Applies one pod event (Added, Modified or Deleted).</summary>
    public void OnPod(WatchEventType type, JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var uid = ObjectMeta.Uid(pod) ?? $"{ObjectMeta.Namespace(pod)}/{ObjectMeta.Name(pod)}";
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            TrackWorkload(type, pod, uid);
            var current = type == WatchEventType.Deleted ? [] : AddressesOf(pod);
            var previous = _podIps.GetValueOrDefault(uid) ?? [];
            foreach (var released in previous.Where(ip => !current.Contains(ip)))
            {
                Close(released, uid, now);
            }

            if (current.Count == 0)
            {
                _podIps.Remove(uid);
                return;
            }

            var identity = IdentityOf(pod, uid);
            var from = CreatedAt(pod) is { } created && created < now ? created : now;
            foreach (var ip in current)
            {
                Hold(ip, identity, from, now);
            }

            _podIps[uid] = current;
        }
    }

    /// <summary>
    /// Running pods of a workload (given as <c>Kind/name</c> or a bare name) in a namespace, for blast-radius limits;
    /// null when the cache knows none (an unknown size, which the safety controller treats carefully).
    /// </summary>
    public int? PodCount(string? @namespace, string workload)
    {
        var name = workload[(workload.IndexOf('/', StringComparison.Ordinal) + 1)..];
        lock (_gate)
        {
            var count = _podWorkloads.Values.Count(p => p.Workload == name && p.Namespace == (@namespace ?? string.Empty));
            return count == 0 ? null : count;
        }
    }

    private void TrackWorkload(WatchEventType type, JsonObject pod, string uid)
    {
        var phase = pod["status"]?["phase"]?.GetValue<string>();
        if (type == WatchEventType.Deleted || phase is "Succeeded" or "Failed"
            || WorkloadResolver.Resolve(pod, _replicaSetOwners) is not { } workload)
        {
            _podWorkloads.Remove(uid);
            return;
        }

        _podWorkloads[uid] = (ObjectMeta.Namespace(pod) ?? string.Empty, workload.Name);
    }

    /// <summary>Applies one ReplicaSet event, so its pods are named after the Deployment that owns it.</summary>
    public void OnReplicaSet(WatchEventType type, JsonObject replicaSet)
    {
        ArgumentNullException.ThrowIfNull(replicaSet);
        var key = $"{ObjectMeta.Namespace(replicaSet)}/{ObjectMeta.Name(replicaSet)}";
        lock (_gate)
        {
            if (type == WatchEventType.Deleted)
            {
                _replicaSetOwners.Remove(key);
            }
            else
            {
                _replicaSetOwners[key] = WorkloadResolver.ControllerOf(replicaSet);
            }
        }
    }

    public bool TryAttribute(IpAddr address, DateTimeOffset at, out PodIdentity identity) => TryFind(address, at, _options.ReleaseGrace, out identity);

    /// <summary>The pod that held <paramref name="address"/> at <paramref name="at"/>, or null.</summary>
    public PodIdentity? Attribute(IpAddr address, DateTimeOffset at) => TryAttribute(address, at, out var identity) ? identity : null;

    /// <summary>The pod holding <paramref name="address"/> now (no grace for pods that released it), or null.</summary>
    public PodIdentity? Current(IpAddr address) => TryFind(address, _time.GetUtcNow(), TimeSpan.Zero, out var identity) ? identity : null;

    private bool TryFind(IpAddr address, DateTimeOffset at, TimeSpan grace, out PodIdentity identity)
    {
        lock (_gate)
        {
            identity = null!;
            if (!_holds.TryGetValue(address, out var holds))
            {
                return false;
            }

            var hold = Holder(holds, at, grace);
            if (hold is null)
            {
                return false;
            }

            identity = hold.Pod;
            return true;
        }
    }

    // Loops rather than LINQ: this runs per flow event, which must not allocate.
    private static IpHold? Holder(List<IpHold> holds, DateTimeOffset at, TimeSpan grace)
    {
        for (var i = holds.Count - 1; i >= 0; i--)
        {
            if (holds[i].Covers(at))
            {
                return holds[i];
            }
        }

        // Released shortly before: the last holder, unless a later hold had already started by then.
        for (var i = holds.Count - 1; i >= 0; i--)
        {
            var hold = holds[i];
            if (hold.Until is { } until && at >= until && at < until + grace)
            {
                for (var j = i + 1; j < holds.Count; j++)
                {
                    if (holds[j].From <= at)
                    {
                        return null;
                    }
                }

                return hold;
            }
        }

        return null;
    }

    private void Hold(IpAddr ip, PodIdentity identity, DateTimeOffset from, DateTimeOffset now)
    {
        if (!_holds.TryGetValue(ip, out var holds))
        {
            holds = [];
            _holds[ip] = holds;
        }

        var mine = holds.LastOrDefault(h => h.Pod.Uid == identity.Uid && h.Until is null);
        if (mine is not null)
        {
            mine.Pod = identity;
            return;
        }

        // A new pod on this IP: whoever held it before let go no later than the new pod started.
        foreach (var other in holds.Where(h => h.Until is null || h.Until > from))
        {
            other.Until = from > other.From ? from : now;
        }

        holds.Add(new IpHold(identity, from));
        Prune(ip, holds, now);
    }

    private void Close(IpAddr ip, string uid, DateTimeOffset now)
    {
        if (!_holds.TryGetValue(ip, out var holds))
        {
            return;
        }

        foreach (var hold in holds.Where(h => h.Pod.Uid == uid && h.Until is null))
        {
            hold.Until = now;
        }

        Prune(ip, holds, now);
    }

    private void Prune(IpAddr ip, List<IpHold> holds, DateTimeOffset now)
    {
        holds.RemoveAll(h => h.Until is { } until && now - until > _options.Retention);
        if (holds.Count > _options.MaxHoldsPerIp)
        {
            holds.RemoveRange(0, holds.Count - _options.MaxHoldsPerIp);
        }

        if (holds.Count == 0)
        {
            _holds.Remove(ip);
        }
    }

    private PodIdentity IdentityOf(JsonObject pod, string uid) => new(
        ObjectMeta.Namespace(pod) ?? "",
        ObjectMeta.Name(pod) ?? "",
        uid,
        WorkloadResolver.Resolve(pod, _replicaSetOwners),
        ObjectMeta.Labels(pod),
        ObjectMeta.At(pod, "spec.nodeName"));

    private static HashSet<IpAddr> AddressesOf(JsonObject pod)
    {
        var result = new HashSet<IpAddr>();
        if (pod["spec"]?["hostNetwork"] is JsonValue host && host.TryGetValue<bool>(out var isHost) && isHost)
        {
            return result;
        }

        if (ObjectMeta.At(pod, "status.phase") is "Succeeded" or "Failed")
        {
            return result;
        }

        var texts = (pod["status"]?["podIPs"] as JsonArray ?? []).Select(p => p?["ip"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).Append(ObjectMeta.At(pod, "status.podIP"));
        foreach (var text in texts)
        {
            if (text is { Length: > 0 } && IpAddr.TryParse(text.AsSpan(), out var ip))
            {
                result.Add(ip);
            }
        }

        return result;
    }

    private static DateTimeOffset? CreatedAt(JsonObject pod) =>
        ObjectMeta.At(pod, "metadata.creationTimestamp") is { } stamp
        && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;
}
