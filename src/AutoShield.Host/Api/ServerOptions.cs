namespace AutoShield.Host.Api;

/// <summary>
/// Where the process listens (seed 004's ports: REST API :8000 with docs at /docs, dashboard :8081, Prometheus
/// metrics :9090) and the token that every mutating request must carry. Port 0 picks a free port (tests).
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Loopback by default; a cluster deployment listens on 0.0.0.0 behind its Service.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    public int ApiPort { get; init; } = 8000;

    public int DashboardPort { get; init; } = 8081;

    public int MetricsPort { get; init; } = 9090;

    /// <summary>When a port is taken, listen on a free one instead of failing (the demo: its addresses are printed).</summary>
    public bool FallbackToFreePort { get; init; }

    /// <summary>Bearer token for POST endpoints; never logged.</summary>
    public required string ApiToken { get; init; }
}
