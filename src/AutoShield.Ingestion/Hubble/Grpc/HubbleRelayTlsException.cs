namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// The TLS handshake with the relay failed (untrusted certificate, wrong name, rejected client certificate).
/// Not retried: a misconfigured trust anchor does not fix itself, and retrying would hide the problem.
/// </summary>
public sealed class HubbleRelayTlsException : HubbleRelayException
{
    public HubbleRelayTlsException()
    {
    }

    public HubbleRelayTlsException(string message)
        : base(message)
    {
    }

    public HubbleRelayTlsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
