using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Pipeline;

/// <summary>Settings of the ingestion pipeline's stages.</summary>
public sealed record IngestionOptions
{
    public ConnectionAssemblerOptions Assembler { get; init; } = new();

    public WindowStoreOptions Windows { get; init; } = new();

    public FanOutStoreOptions FanOut { get; init; } = new();

    /// <summary>Count distinct pairs over the whole run (costs memory per pair; for replay reports, not production).</summary>
    public bool TrackDistinctPairs { get; init; }

    /// <summary>Names pods behind bare addresses (pcap, CSV) before connection assembly; null leaves endpoints as read.</summary>
    public IEndpointAttributor? Attributor { get; init; }
}
