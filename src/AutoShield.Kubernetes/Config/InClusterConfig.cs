using System.Net;
using AutoShield.Kubernetes.Config.Credentials;

namespace AutoShield.Kubernetes.Config;

/// <summary>
/// The connection a pod has to its own cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, and the
/// service account's token, CA and namespace under /var/run/secrets/kubernetes.io/serviceaccount.
/// </summary>
public static class InClusterConfig
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The in-cluster connection, or null when this process does not run in a pod.</summary>
    public static KubernetesConnection? TryLoad(Func<string, string?> environment, string serviceAccountDirectory = DefaultServiceAccountDirectory, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        var tokenPath = Path.Combine(serviceAccountDirectory, "token");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port) || !File.Exists(tokenPath))
        {
            return null;
        }

        var authority = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        var caPath = Path.Combine(serviceAccountDirectory, "ca.crt");
        var namespacePath = Path.Combine(serviceAccountDirectory, "namespace");
        return new KubernetesConnection(new Uri($"https://{authority}:{port}"))
        {
            CertificateAuthorities = File.Exists(caPath) ? CertificateLoading.Authorities(File.ReadAllText(caPath)) : null,
            Credentials = new TokenFileCredentials(tokenPath, time),
            Namespace = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : "default",
            ContextName = "in-cluster",
        };
    }
}
