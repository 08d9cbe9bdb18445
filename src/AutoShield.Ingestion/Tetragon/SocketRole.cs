namespace AutoShield.Ingestion.Tetragon;

/// <summary>What a network-bearing Tetragon event means for a connection.</summary>
internal enum SocketRole
{
    None,
    Connect,
    Accept,
    Close,
    Send,
    Receive,
}
