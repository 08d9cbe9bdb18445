using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Kubernetes.Pods;

/// <summary>
/// Lets ingestion name pods behind bare addresses from a <see cref="IPodAttributor"/> (the watch-fed
/// <see cref="PodIpCache"/>). Strings come from the cached <see cref="PodIdentity"/> and one <see cref="LabelSet"/> is
/// kept per pod uid, so attributing a known pod allocates nothing. Meant for the single pipeline thread.
/// </summary>
/// <remarks>
/// With <c>fallbackToCurrent</c>, an address with no holder at the flow's time goes to the pod holding it now (only
/// when the attributor is a <see cref="PodIpCache"/>). That is an approximation for recorded captures, which are
/// older than the pods a listing sees: an IP reused since the recording is named after its current holder.
/// </remarks>
public sealed class PodCacheAttributor : IEndpointAttributor
{
    public const int DefaultMaxCachedPods = 65_536;

    private readonly IPodAttributor _pods;
    private readonly PodIpCache? _current;
    private readonly int _maxCachedPods;
    private readonly Dictionary<string, (PodIdentity Identity, LabelSet Labels)> _labels = new(StringComparer.Ordinal);

    public PodCacheAttributor(IPodAttributor pods, bool fallbackToCurrent = false, int maxCachedPods = DefaultMaxCachedPods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCachedPods, 1);
        _pods = pods;
        _current = fallbackToCurrent ? pods as PodIpCache : null;
        _maxCachedPods = maxCachedPods;
    }

    /// <summary>Pods whose label set is cached now.</summary>
    public int CachedPods => _labels.Count;

    public bool TryAttribute(IpAddr address, long unixNanos, ref FlowEndpoint endpoint)
    {
        var at = DateTimeOffset.UnixEpoch.AddTicks(unixNanos / TimeSpan.NanosecondsPerTick);
        if (!_pods.TryAttribute(address, at, out var identity))
        {
            if (_current?.Current(address) is not { } current)
            {
                return false;
            }

            identity = current;
        }

        endpoint.Namespace = identity.Namespace;
        endpoint.PodName = identity.Name;
        endpoint.Workload = identity.Workload?.Name;
        endpoint.WorkloadKind = identity.Workload?.Kind;
        endpoint.Labels = LabelsOf(identity);
        return true;
    }

    private LabelSet LabelsOf(PodIdentity identity)
    {
        // A pod event replaces the identity record, so a changed reference means labels may have changed.
        if (_labels.TryGetValue(identity.Uid, out var cached) && ReferenceEquals(cached.Identity, identity))
        {
            return cached.Labels;
        }

        if (_labels.Count >= _maxCachedPods && !_labels.ContainsKey(identity.Uid))
        {
            // Bounded: dropping everything is rare (more live pods than the cap) and only costs rebuilding sets.
            _labels.Clear();
        }

        var labels = Build(identity.Labels);
        _labels[identity.Uid] = (identity, labels);
        return labels;
    }

    // Cilium's form (k8s:key=value), sorted, so LabelSet.Get and equality behave as for Hubble flows.
    private static LabelSet Build(IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return LabelSet.Empty;
        }

        var all = new string[labels.Count];
        var i = 0;
        foreach (var (key, value) in labels)
        {
            all[i++] = $"k8s:{key}={value}";
        }

        Array.Sort(all, StringComparer.Ordinal);
        return new LabelSet(all);
    }
}
