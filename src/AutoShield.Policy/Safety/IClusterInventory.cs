namespace AutoShield.Policy.Safety;

/// <summary>What blast-radius limits need to know about the cluster: how many pods a workload runs. The Kubernetes actuator implements it from its pod cache.</summary>
public interface IClusterInventory
{
    /// <summary>Pods of <paramref name="workload"/> (as <c>Kind/name</c> or a bare name) in <paramref name="namespace"/>, or null when unknown.</summary>
    int? PodCount(string? @namespace, string workload);
}
