namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>Base of the errors that end a Hubble Relay stream, so callers can catch them as one family.</summary>
public class HubbleRelayException : Exception
{
    public HubbleRelayException()
    {
    }

    public HubbleRelayException(string message)
        : base(message)
    {
    }

    public HubbleRelayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
