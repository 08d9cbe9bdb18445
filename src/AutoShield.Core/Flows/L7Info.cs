namespace AutoShield.Core.Flows;

/// <summary>L7 facts of a flow event (DNS, HTTP, Kafka), all optional.</summary>
public struct L7Info
{
    public L7Protocol Protocol;
    public L7FlowType Type;
    public long LatencyNanos;
    /// <summary>DNS query name, interned.</summary>
    public string? DnsQuery;
    /// <summary>DNS response code (0 NOERROR, 3 NXDOMAIN); -1 when absent.</summary>
    public int DnsRcode;
    /// <summary>HTTP status code; 0 when absent (requests).</summary>
    public int HttpCode;
    public string? HttpMethod;
    public string? HttpUrl;
    public string? HttpProtocol;
}
