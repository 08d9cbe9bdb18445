namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>How a gRPC call ended: the status code and the server's (percent-decoded) message.</summary>
public readonly record struct GrpcStatus(GrpcStatusCode Code, string Message)
{
    public bool IsOk => Code == GrpcStatusCode.Ok;

    public override string ToString() => Message.Length == 0 ? Code.ToString() : $"{Code}: {Message}";
}
