using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>A kubeconfig <c>users[]</c> entry: its name and credentials.</summary>
public sealed class UserEntry
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "user")]
    public UserInfo? User { get; set; }
}
