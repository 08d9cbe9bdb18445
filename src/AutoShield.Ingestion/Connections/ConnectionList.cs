namespace AutoShield.Ingestion.Connections;

/// <summary>The timeout lists of the assembler, each in least-recently-active order.</summary>
internal enum ConnectionList : byte
{
    TcpOpen = 0,
    OtherOpen,
    Closing,
}
