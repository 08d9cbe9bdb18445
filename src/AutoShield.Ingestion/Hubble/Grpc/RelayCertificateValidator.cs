using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// Checks the relay's certificate: the chain must end at the configured CA (or the system store when none is
/// configured) and the certificate must name the expected host. The name is checked here rather than by SslStream
/// because HttpClient always validates against the URI host, and Hubble certificates name a service
/// (<c>*.hubble-relay.cilium.io</c>) that the address (often a port-forward) does not. Keeps the last refusal so
/// the error the caller sees says why.
/// </summary>
internal sealed class RelayCertificateValidator : IDisposable
{
    private readonly X509Certificate2Collection? _roots;
    private readonly string _expectedName;
    private string? _lastFailure;

    public RelayCertificateValidator(X509Certificate2Collection? roots, string expectedName)
    {
        _roots = roots;
        _expectedName = expectedName;
    }

    /// <summary>Why the last certificate was refused; null when none was.</summary>
    public string? LastFailure => Volatile.Read(ref _lastFailure);

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var failure = Check(certificate, chain, errors);
        Volatile.Write(ref _lastFailure, failure);
        return failure is null;
    }

    public void Dispose()
    {
        if (_roots is null)
        {
            return;
        }

        foreach (var root in _roots)
        {
            root.Dispose();
        }
    }

    private string? Check(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 leaf || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "the relay presented no certificate";
        }

        if (_roots is null)
        {
            if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                return $"the relay certificate '{leaf.Subject}' is not trusted by the system store ({Describe(presented)}); set a CA certificate file";
            }
        }
        else
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (presented is not null)
            {
                foreach (var element in presented.ChainElements)
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            if (!chain.Build(leaf))
            {
                return $"the relay certificate '{leaf.Subject}' (issuer '{leaf.Issuer}') does not chain to the configured CA ({Describe(chain)})";
            }
        }

        return leaf.MatchesHostname(_expectedName)
            ? null
            : $"the relay certificate '{leaf.Subject}' is not valid for the name '{_expectedName}'";
    }

    private static string Describe(X509Chain? chain)
    {
        if (chain is null || chain.ChainStatus.Length == 0)
        {
            return "no chain status";
        }

        return string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"));
    }
}
