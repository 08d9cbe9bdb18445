using AutoShield.Kubernetes.Pods;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Runtime;

/// <summary>Blast-radius inventory from the watched pod cache: a workload's size is its running pods now.</summary>
internal sealed class PodCacheInventory(PodIpCache pods) : IClusterInventory
{
    public int? PodCount(string? @namespace, string workload) => pods.PodCount(@namespace, workload);
}
