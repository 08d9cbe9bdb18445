using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>A kubeconfig user's <c>exec</c> credential plugin: the command, its arguments and environment.</summary>
public sealed class ExecConfig
{
    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; set; }

    [YamlMember(Alias = "command")]
    public string? Command { get; set; }

    [YamlMember(Alias = "args")]
    public List<string>? Args { get; set; }

    [YamlMember(Alias = "env")]
    public List<ExecEnvVar>? Env { get; set; }

    [YamlMember(Alias = "provideClusterInfo")]
    public bool ProvideClusterInfo { get; set; }

    [YamlMember(Alias = "installHint")]
    public string? InstallHint { get; set; }

    [YamlMember(Alias = "interactiveMode")]
    public string? InteractiveMode { get; set; }
}
