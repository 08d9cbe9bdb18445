using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Windows;

/// <summary>One service as the fan-in view counts it: the responder's identity and the port it was reached on.</summary>
public readonly record struct DestinationKey(EndpointIdentity Destination, ushort Port);
