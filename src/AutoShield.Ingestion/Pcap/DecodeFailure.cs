namespace AutoShield.Ingestion.Pcap;

/// <summary>Where in a frame decoding failed and what was expected there; built only when a packet is malformed.</summary>
internal readonly record struct DecodeFailure(int Offset, string Expected);
