using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Hubble;

/// <summary>What flow.<c>IP</c> says: the two addresses.</summary>
internal readonly record struct HubbleAddresses(IpAddr Source, IpAddr Destination);
