using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;

namespace AutoShield.Ingestion.Tests.Connections;

/// <summary>A sink that keeps every connection it is given, in order.</summary>
internal sealed class CollectingSink : IConnectionSink
{
    public List<Connection> Connections { get; } = [];

    public Connection Single() => Assert.Single(Connections);

    public void OnConnection(in Connection connection) => Connections.Add(connection);
}
