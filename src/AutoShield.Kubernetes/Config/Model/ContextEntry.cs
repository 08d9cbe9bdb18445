using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>A kubeconfig <c>contexts[]</c> entry: a name for a cluster, a user and a default namespace.</summary>
public sealed class ContextEntry
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "context")]
    public ContextInfo? Context { get; set; }
}
