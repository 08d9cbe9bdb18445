using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Kubernetes.Config.Credentials;

/// <summary>What a credential source yields for a request: a bearer token and/or a client certificate.</summary>
public sealed record KubernetesCredentials(string? Token, X509Certificate2? ClientCertificate = null);
