using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>Builds the HTTP/2 handler for one relay: timeouts, keep-alive pings and, with TLS, trust and client certificate.</summary>
internal static class RelayHttpHandlerFactory
{
    public static SocketsHttpHandler Create(
        HubbleRelayClientOptions options, HubbleRelayEndpoint endpoint, out RelayCertificateValidator? validator, out X509Certificate2? clientCertificate)
    {
        validator = null;
        clientCertificate = null;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = false,
            AllowAutoRedirect = false,
            UseCookies = false,

            // An HTTP proxy would need CONNECT for h2c; the relay is in-cluster or port-forwarded.
            UseProxy = false,
        };
        if (!endpoint.Tls)
        {
            return handler;
        }

        try
        {
            validator = new RelayCertificateValidator(LoadRoots(options.CaCertificatePath), options.TlsServerName ?? endpoint.HostName);
            clientCertificate = LoadClientCertificate(options);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = validator.Validate,
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            };
            return handler;
        }
        catch
        {
            handler.Dispose();
            validator?.Dispose();
            clientCertificate?.Dispose();
            throw;
        }
    }

    private static X509Certificate2Collection? LoadRoots(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        if (roots.Count == 0)
        {
            throw new ArgumentException($"CA certificate file '{path}' holds no PEM certificate", nameof(path));
        }

        return roots;
    }

    private static X509Certificate2? LoadClientCertificate(HubbleRelayClientOptions options)
    {
        if (options.ClientCertificatePath is null)
        {
            return options.ClientKeyPath is null
                ? null
                : throw new ArgumentException("a client key was given without a client certificate", nameof(options));
        }

        using var pem = X509Certificate2.CreateFromPemFile(options.ClientCertificatePath, options.ClientKeyPath);

        // A PEM-loaded key is ephemeral; a PKCS#12 round trip gives TLS a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
