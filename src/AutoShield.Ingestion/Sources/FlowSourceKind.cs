namespace AutoShield.Ingestion.Sources;

/// <summary>The recorded-input formats AutoShield reads (<c>--source</c>).</summary>
public enum FlowSourceKind
{
    /// <summary>Hubble flow JSON: <c>hubble observe -o jsonpb</c> / exporter lines, or bare flows.</summary>
    Hubble,
    /// <summary>Tetragon JSON events, one per line or pretty-printed.</summary>
    Tetragon,
    /// <summary>libpcap or pcapng captures.</summary>
    Pcap,
    /// <summary>CICFlowMeter CSV (CIC-IDS2017 family), one row per connection.</summary>
    CicFlowMeter,
    /// <summary>The attack simulator, in memory.</summary>
    Simulator,
}
