using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AutoShield.Kubernetes.Config;

namespace AutoShield.Kubernetes.Client;

/// <summary>
/// Builds the HTTP handler for a connection: TLS that trusts only the cluster CA when one is given (as kubectl
/// does), the server name check (or tls-server-name), and the client certificate of the current credentials.
/// </summary>
internal static class HandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesConnection connection, Func<X509Certificate2?> clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(connection, certificate, errors);
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate()!;
        return handler;
    }

    private static bool Validate(KubernetesConnection connection, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (connection.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (presented is null)
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        var nameOk = connection.TlsServerName is { Length: > 0 } serverName
            ? certificate.MatchesHostname(serverName)
            : (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
        if (!nameOk)
        {
            return false;
        }

        if (connection.CertificateAuthorities is not { Count: > 0 } authorities)
        {
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
