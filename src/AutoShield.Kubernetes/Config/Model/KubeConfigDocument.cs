using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>One kubeconfig file as written: clusters, users, contexts and the current context.</summary>
public sealed class KubeConfigDocument
{
    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; set; }

    [YamlMember(Alias = "kind")]
    public string? Kind { get; set; }

    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; set; }

    [YamlMember(Alias = "clusters")]
    public List<ClusterEntry>? Clusters { get; set; }

    [YamlMember(Alias = "users")]
    public List<UserEntry>? Users { get; set; }

    [YamlMember(Alias = "contexts")]
    public List<ContextEntry>? Contexts { get; set; }

    /// <summary>The folder the file was read from: relative paths in it are resolved against it.</summary>
    [YamlIgnore]
    public string? Directory { get; set; }
}
