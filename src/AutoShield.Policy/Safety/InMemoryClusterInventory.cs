namespace AutoShield.Policy.Safety;

/// <summary>An inventory filled by hand or from endpoints seen in recorded traffic (the backtest builds one from its replay).</summary>
public sealed class InMemoryClusterInventory : IClusterInventory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Namespace, string Workload), HashSet<string>> _pods = [];
    private readonly Dictionary<(string Namespace, string Workload), int> _fixed = [];

    /// <summary>Adds a pod of a workload; adding the same pod twice counts it once.</summary>
    public void AddPod(string? @namespace, string workload, string pod)
    {
        lock (_gate)
        {
            var key = (@namespace ?? string.Empty, Bare(workload));
            if (!_pods.TryGetValue(key, out var pods))
            {
                _pods[key] = pods = new HashSet<string>(StringComparer.Ordinal);
            }

            pods.Add(pod);
        }
    }

    /// <summary>Declares a workload's pod count outright (for example its replica count).</summary>
    public void SetPodCount(string? @namespace, string workload, int pods)
    {
        lock (_gate)
        {
            _fixed[(@namespace ?? string.Empty, Bare(workload))] = pods;
        }
    }

    public int? PodCount(string? @namespace, string workload)
    {
        lock (_gate)
        {
            var key = (@namespace ?? string.Empty, Bare(workload));
            if (_fixed.TryGetValue(key, out var count))
            {
                return count;
            }

            return _pods.TryGetValue(key, out var pods) ? pods.Count : null;
        }
    }

    private static string Bare(string workload) => workload[(workload.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
