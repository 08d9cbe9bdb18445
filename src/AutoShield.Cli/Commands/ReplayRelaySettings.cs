using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Cli.Commands;

/// <summary>What <c>replay --relay</c> was asked for: the client's options and how many flows to stop after.</summary>
public sealed record ReplayRelaySettings(HubbleRelayClientOptions Client, long Count = long.MaxValue);
