using System.Security.Cryptography.X509Certificates;
using AutoShield.Kubernetes.Config.Credentials;

namespace AutoShield.Kubernetes.Config;

/// <summary>
/// Everything needed to talk to one cluster: the server URL, the CA to trust (or none, for the system store), the
/// credentials, and the default namespace of the chosen context.
/// </summary>
public sealed record KubernetesConnection(Uri Server)
{
    /// <summary>CA certificates the server's chain must end in; null trusts the system store.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to check the server certificate against when it differs from the URL's host.</summary>
    public string? TlsServerName { get; init; }

    public ICredentialSource? Credentials { get; init; }

    public string Namespace { get; init; } = "default";

    /// <summary>The kubeconfig context this came from, or "in-cluster".</summary>
    public string? ContextName { get; init; }
}
