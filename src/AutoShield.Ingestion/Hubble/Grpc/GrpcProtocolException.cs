namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>The relay broke the gRPC framing rules (a compressed message nobody negotiated, a bad prefix).</summary>
public sealed class GrpcProtocolException : HubbleRelayException
{
    public GrpcProtocolException()
    {
    }

    public GrpcProtocolException(string message)
        : base(message)
    {
    }

    public GrpcProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
