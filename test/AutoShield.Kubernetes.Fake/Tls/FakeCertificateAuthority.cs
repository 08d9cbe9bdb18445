using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Kubernetes.Fake.Tls;

/// <summary>
/// A throwaway certificate authority made at start-up, like a cluster's CA: it signs the server's certificate
/// (for 127.0.0.1 and localhost) and client certificates whose CN is the user and O the groups.
/// </summary>
public sealed class FakeCertificateAuthority : IDisposable
{
    private readonly ECDsa _key;
    // TLS stacks check validity against the real clock, so certificates are dated by it, not by a test's fake clock.
    private readonly TimeProvider _time = TimeProvider.System;

    public FakeCertificateAuthority(string commonName = "autoshield-fake-ca")
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = _time.GetUtcNow();
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>A server certificate for the loopback address and localhost.</summary>
    public X509Certificate2 IssueServerCertificate()
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        san.AddDnsName("kubernetes.default.svc");
        return Issue("CN=kube-apiserver", san.Build(), new Oid("1.3.6.1.5.5.7.3.1")).Certificate;
    }

    /// <summary>A client certificate authenticating as <paramref name="user"/> in <paramref name="groups"/>.</summary>
    public FakeCertificate IssueClientCertificate(string user, params string[] groups)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(user);
        return Issue(subject.Build().Name, null, new Oid("1.3.6.1.5.5.7.3.2"));
    }

    /// <summary>Whether <paramref name="certificate"/> chains to this CA (and to nothing else).</summary>
    public bool Verify(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private FakeCertificate Issue(string subject, X509Extension? san, Oid usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        var now = _time.GetUtcNow();
        using var signed = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddDays(-1), now.AddDays(30), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        // A PKCS#12 round trip gives a certificate whose key the TLS stack can use on every platform.
        var loaded = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return new FakeCertificate(loaded, signed.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
