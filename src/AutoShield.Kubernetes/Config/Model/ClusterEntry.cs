using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>A kubeconfig <c>clusters[]</c> entry: its name and how to reach and trust the API server.</summary>
public sealed class ClusterEntry
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "cluster")]
    public ClusterInfo? Cluster { get; set; }
}
