using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Connections;

/// <summary>Receives connections as the assembler closes them; an interface so emitting allocates nothing.</summary>
public interface IConnectionSink
{
    /// <summary>Called once per connection. The reference is valid only during the call.</summary>
    void OnConnection(in Connection connection);
}
