namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>The relay ended the call with a non-OK gRPC status that retrying would not fix.</summary>
public sealed class GrpcStatusException : HubbleRelayException
{
    public GrpcStatusException()
        : this(new GrpcStatus(GrpcStatusCode.Unknown, string.Empty))
    {
    }

    public GrpcStatusException(string message)
        : this(new GrpcStatus(GrpcStatusCode.Unknown, message))
    {
    }

    public GrpcStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new GrpcStatus(GrpcStatusCode.Unknown, message);
    }

    public GrpcStatusException(GrpcStatus status)
        : base($"Hubble Relay call failed with gRPC status {status}")
    {
        Status = status;
    }

    public GrpcStatus Status { get; }

    public GrpcStatusCode StatusCode => Status.Code;
}
