using System.Buffers.Text;
using AutoShield.Core.Text;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Names of flow.proto's <c>DropReason</c> numbers (shared with Cilium's bpf/lib/common.h), for the deprecated
/// numeric <c>drop_reason</c> and for <c>drop_reason_desc</c> written as a number.
/// </summary>
internal static class HubbleDropReasons
{
    private const int First = 130;

    private static readonly string?[] Names =
    [
        "INVALID_SOURCE_MAC", "INVALID_DESTINATION_MAC", "INVALID_SOURCE_IP", "POLICY_DENIED", "INVALID_PACKET_DROPPED",
        "CT_TRUNCATED_OR_INVALID_HEADER", "CT_MISSING_TCP_ACK_FLAG", "CT_UNKNOWN_L4_PROTOCOL",
        "CT_CANNOT_CREATE_ENTRY_FROM_PACKET", "UNSUPPORTED_L3_PROTOCOL", "MISSED_TAIL_CALL", "ERROR_WRITING_TO_PACKET",
        "UNKNOWN_L4_PROTOCOL", "UNKNOWN_ICMPV4_CODE", "UNKNOWN_ICMPV4_TYPE", "UNKNOWN_ICMPV6_CODE", "UNKNOWN_ICMPV6_TYPE",
        "ERROR_RETRIEVING_TUNNEL_KEY", "ERROR_RETRIEVING_TUNNEL_OPTIONS", "INVALID_GENEVE_OPTION",
        "UNKNOWN_L3_TARGET_ADDRESS", "STALE_OR_UNROUTABLE_IP", "NO_MATCHING_LOCAL_CONTAINER_FOUND",
        "ERROR_WHILE_CORRECTING_L3_CHECKSUM", "ERROR_WHILE_CORRECTING_L4_CHECKSUM", "CT_MAP_INSERTION_FAILED",
        "INVALID_IPV6_EXTENSION_HEADER", "IP_FRAGMENTATION_NOT_SUPPORTED", "SERVICE_BACKEND_NOT_FOUND", null,
        "NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT", "FAILED_TO_INSERT_INTO_PROXYMAP", "REACHED_EDT_RATE_LIMITING_DROP_HORIZON",
        "UNKNOWN_CONNECTION_TRACKING_STATE", "LOCAL_HOST_IS_UNREACHABLE",
        "NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION", "UNSUPPORTED_L2_PROTOCOL",
        "NO_MAPPING_FOR_NAT_MASQUERADE", "UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE", "FIB_LOOKUP_FAILED",
        "ENCAPSULATION_TRAFFIC_IS_PROHIBITED", "INVALID_IDENTITY", "UNKNOWN_SENDER", "NAT_NOT_NEEDED", "IS_A_CLUSTERIP",
        "FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND", "FORBIDDEN_ICMPV6_MESSAGE", "DENIED_BY_LB_SRC_RANGE_CHECK",
        "SOCKET_LOOKUP_FAILED", "SOCKET_ASSIGN_FAILED", "PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL", "POLICY_DENY",
        "VLAN_FILTERED", "INVALID_VNI", "INVALID_TC_BUFFER", "NO_SID", "MISSING_SRV6_STATE", "NAT46", "NAT64",
        "AUTH_REQUIRED", "CT_NO_MAP_FOUND", "SNAT_NO_MAP_FOUND", "INVALID_CLUSTER_ID", "UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP",
        "NO_EGRESS_GATEWAY", null, "TTL_EXCEEDED", "NO_NODE_ID", null, null, null, null, "DROP_HOST_NOT_READY",
        "DROP_EP_NOT_READY",
    ];

    /// <summary>The reason's name; null for 0 (no reason). Numbers without a known name read as <c>DROP_REASON_n</c>.</summary>
    public static string? Name(uint code, StringPool strings)
    {
        if (code == 0)
        {
            return null;
        }

        if (code - First < (uint)Names.Length && Names[code - First] is { } known)
        {
            return known;
        }

        Span<byte> text = stackalloc byte[32];
        "DROP_REASON_"u8.CopyTo(text);
        Utf8Formatter.TryFormat(code, text[12..], out var written);
        return strings.Intern(text[..(12 + written)]);
    }
}
