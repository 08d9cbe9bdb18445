using YamlDotNet.Serialization;

namespace AutoShield.Kubernetes.Config.Model;

/// <summary>A kubeconfig user's credentials: token or token file, client certificate and key, or an exec plugin.</summary>
public sealed class UserInfo
{
    [YamlMember(Alias = "token")]
    public string? Token { get; set; }

    [YamlMember(Alias = "tokenFile")]
    public string? TokenFile { get; set; }

    [YamlMember(Alias = "client-certificate")]
    public string? ClientCertificate { get; set; }

    [YamlMember(Alias = "client-certificate-data")]
    public string? ClientCertificateData { get; set; }

    [YamlMember(Alias = "client-key")]
    public string? ClientKey { get; set; }

    [YamlMember(Alias = "client-key-data")]
    public string? ClientKeyData { get; set; }

    [YamlMember(Alias = "exec")]
    public ExecConfig? Exec { get; set; }
}
