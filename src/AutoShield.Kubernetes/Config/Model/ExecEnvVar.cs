using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>One environment variable an exec plugin is started with.</summary>
public sealed class ExecEnvVar
{
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}
