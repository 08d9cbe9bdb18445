using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>The cluster, user and namespace a kubeconfig context names.</summary>
public sealed class ContextInfo
{
    [YamlMember(Alias = "cluster")]
    public string? Cluster { get; set; }

    [YamlMember(Alias = "user")]
    public string? User { get; set; }

    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}
