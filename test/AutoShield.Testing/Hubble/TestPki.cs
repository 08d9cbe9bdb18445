using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Testing.Hubble;

/// <summary>
/// A throw-away CA with a relay server certificate and a client certificate signed by it, made with
/// CertificateRequest, and the PEM files the client options point at. Deleted on dispose.
/// </summary>
public sealed class TestPki : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly string _directory;

    private TestPki(string directory, X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client)
    {
        _directory = directory;
        Ca = ca;
        Server = server;
        Client = client;
    }

    public X509Certificate2 Ca { get; }

    /// <summary>The relay's certificate, with its key, loadable by Kestrel.</summary>
    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string CaPemPath => Path.Combine(_directory, "ca.crt");

    public string ClientCertificatePemPath => Path.Combine(_directory, "client.crt");

    public string ClientKeyPemPath => Path.Combine(_directory, "client.key");

    /// <summary>A PKI whose server certificate is valid for <paramref name="serverNames"/> (DNS names or IP addresses).</summary>
    public static TestPki Create(string caName, params string[] serverNames)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

        var server = Issue(ca, "CN=hubble-relay", serverNames, ServerAuth, now, 1);
        var client = Issue(ca, "CN=autoshield-client", [], ClientAuth, now, 2);

        var directory = Directory.CreateTempSubdirectory("autoshield-pki-").FullName;
        File.WriteAllText(Path.Combine(directory, "ca.crt"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "client.crt"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "client.key"), client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return new TestPki(directory, ca, server, client);
    }

    /// <summary>True when the certificate was issued by this CA (custom trust, no system roots).</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string[] names, Oid usage, DateTimeOffset now, byte serial)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                if (IPAddress.TryParse(name, out var ip))
                {
                    san.AddIpAddress(ip);
                }
                else
                {
                    san.AddDnsName(name);
                }
            }

            request.CertificateExtensions.Add(san.Build());
        }

        using var issued = request.Create(ca, now.AddHours(-1), now.AddDays(1), [serial, 0x42]);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Kestrel wants a key it can use for the handshake; a PKCS#12 round trip gives a persisted-style key.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
