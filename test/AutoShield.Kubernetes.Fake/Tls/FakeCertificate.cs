using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Kubernetes.Fake.Tls;

/// <summary>A certificate the fake's CA issued, with its PEM text (certificate and PKCS#8 key) for kubeconfig files.</summary>
public sealed record FakeCertificate(X509Certificate2 Certificate, string CertificatePem, string PrivateKeyPem);
