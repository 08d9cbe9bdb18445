using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Kubernetes.Config;

/// <summary>Loads the PEM certificates and keys kubeconfigs hold, inline (base64 of PEM) or in files.</summary>
internal static class CertificateLoading
{
    public static X509Certificate2 FromPem(string certificatePem, string keyPem)
    {
        try
        {
            using var pemCertificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            // A PKCS#12 round trip gives a key that the TLS stack can use on every platform.
            return X509CertificateLoader.LoadPkcs12(pemCertificate.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException error)
        {
            throw new KubeConfigException($"client certificate or key is not valid PEM: {error.Message}", error);
        }
    }

    public static X509Certificate2Collection Authorities(string pem)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException error)
        {
            throw new KubeConfigException($"certificate authority is not valid PEM: {error.Message}", error);
        }

        return collection.Count > 0 ? collection : throw new KubeConfigException("certificate authority holds no certificate");
    }

    public static string DecodeData(string base64, string field)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException error)
        {
            throw new KubeConfigException($"{field} is not base64", error);
        }
    }
}
