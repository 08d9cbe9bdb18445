namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>What <see cref="GrpcMessageReader.ReadAsync"/> found next in the response body.</summary>
internal enum GrpcReadResult
{
    /// <summary>A whole message is in <see cref="GrpcMessageReader.Message"/>.</summary>
    Message,
    /// <summary>A message longer than the limit was read past and dropped; its length is in <see cref="GrpcMessageReader.SkippedLength"/>.</summary>
    TooLarge,
    /// <summary>The body ended cleanly between messages.</summary>
    End,
}
