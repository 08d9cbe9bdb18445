namespace AutoShield.Ingestion.Hubble;

/// <summary>A Hubble line that is valid JSON but not a valid flow; caught per line and reported as a parse error.</summary>
internal sealed class HubbleFormatException(string message) : Exception(message);
