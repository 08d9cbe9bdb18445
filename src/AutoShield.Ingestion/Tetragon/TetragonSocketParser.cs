using System.Text.Json;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>Reads the socket of the legacy <c>process_connect</c>, <c>process_close</c> and <c>process_listen</c>.</summary>
internal static class TetragonSocketParser
{
    public static TetragonSocket Parse(JsonFieldReader f, JsonElement body, string path, bool listen) => listen
        ? new TetragonSocket
        {
            SourceIp = f.Ip(body, path, "ip"),
            SourcePort = f.Port(body, path, "port") ?? 0,
            Protocol = f.String(body, path, "protocol"),
        }
        : new TetragonSocket
        {
            SourceIp = f.Ip(body, path, "source_ip"),
            SourcePort = f.Port(body, path, "source_port") ?? 0,
            DestinationIp = f.Ip(body, path, "destination_ip"),
            DestinationPort = f.Port(body, path, "destination_port") ?? 0,
            Protocol = f.String(body, path, "protocol"),
            Stats = ParseStats(f, body, path),
        };

    private static TetragonSocketStats? ParseStats(JsonFieldReader f, JsonElement body, string parent)
    {
        if (f.Object(body, parent, "stats") is not { } stats)
        {
            return null;
        }

        var path = JsonFieldReader.Join(parent, "stats");
        return new TetragonSocketStats
        {
            BytesSent = Counter(f, stats, path, "bytes_sent"),
            BytesReceived = Counter(f, stats, path, "bytes_received"),
            SegmentsIn = Counter(f, stats, path, "segs_in"),
            SegmentsOut = Counter(f, stats, path, "segs_out"),
            Srtt = Counter(f, stats, path, "srtt"),
            RetransmitSegments = Counter(f, stats, path, "retransmits_segs"),
            SocketDrops = Counter(f, stats, path, "sk_drop"),
        };
    }

    private static long Counter(JsonFieldReader f, JsonElement stats, string path, string name) =>
        f.UInt64(stats, path, name) is { } value ? (long)Math.Min(value, long.MaxValue) : 0;
}
