namespace AutoShield.Ingestion.Simulation;

/// <summary>
/// Hubble fields that <see cref="Core.Flows.FlowEvent"/> does not carry but a real flow line has: local endpoint
/// ids, MAC addresses, DNS answers, HTTP headers, the policy match type, and the scenario that produced the event.
/// Everything is optional; <see cref="Hubble.HubbleJsonWriter"/> leaves out what is unset, as protobuf JSON does.
/// </summary>
public sealed record HubbleFlowDetails
{
    /// <summary>Cilium endpoint id of the source when it is local to the observing node; 0 when not.</summary>
    public ushort SourceEndpointId { get; init; }

    /// <summary>Cilium endpoint id of the destination when it is local to the observing node; 0 when not.</summary>
    public ushort DestinationEndpointId { get; init; }

    /// <summary>Ethernet source address (<c>aa:bb:cc:dd:ee:ff</c>); the ethernet object is written only when both are set.</summary>
    public string? SourceMac { get; init; }

    public string? DestinationMac { get; init; }

    /// <summary>flow.proto <c>policy_match_type</c> of a policy-verdict event (2 = L3 and L4, 3 = L4 only); 0 leaves it out.</summary>
    public int PolicyMatchType { get; init; }

    /// <summary>DNS question type (<c>A</c>, <c>AAAA</c>, <c>TXT</c>).</summary>
    public string? DnsQueryType { get; init; }

    /// <summary>Addresses in a DNS answer.</summary>
    public IReadOnlyList<string>? DnsIps { get; init; }

    /// <summary>Record types of the answer records, one per record.</summary>
    public IReadOnlyList<string>? DnsAnswerTypes { get; init; }

    /// <summary>TTL of a DNS answer; Cilium reports 4294967295 for answers without records.</summary>
    public uint DnsTtl { get; init; }

    /// <summary>HTTP headers of an L7 HTTP event, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? HttpHeaders { get; init; }

    /// <summary>Name of the simulator scenario that produced the event (ground truth, written with the label).</summary>
    public string? Scenario { get; init; }
}
