using Pb = AutoShield.Ingestion.Protos.Hubble;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>Where the Hubble Relay is, how to trust it, which flows to ask for, and how to reconnect.</summary>
public sealed record HubbleRelayClientOptions
{
    /// <summary>
    /// <c>host:port</c> (TLS as <see cref="Tls"/> says), or an <c>http://</c> (plaintext h2c) or <c>https://</c>
    /// URI. A bare host gets Hubble Relay's port 4245.
    /// </summary>
    public string Address { get; init; } = "localhost:4245";

    /// <summary>Use TLS for a bare <c>host:port</c> address; an <c>https://</c> address implies it.</summary>
    public bool Tls { get; init; }

    /// <summary>PEM file of the CA certificate(s) to trust instead of the system store (Hubble's own CA).</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>PEM client certificate for mutual TLS; its key comes from <see cref="ClientKeyPath"/> or the same file.</summary>
    public string? ClientCertificatePath { get; init; }

    public string? ClientKeyPath { get; init; }

    /// <summary>Name the server certificate must carry when it differs from the address (e.g. <c>relay.hubble-relay.cilium.io</c>).</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Keep streaming new flows after the history (<c>follow</c>). Without it the stream ends when the relay ends it.</summary>
    public bool Follow { get; init; } = true;

    /// <summary>How many past flows to send first (<c>number</c>; 0 = the relay's default). Not sent again after a reconnect.</summary>
    public ulong Number { get; init; }

    /// <summary>With <see cref="Number"/>: the oldest flows instead of the newest (<c>first</c>).</summary>
    public bool First { get; init; }

    /// <summary>Only flows at or after this time (<c>since</c>); replaced by the newest delivered time after a reconnect.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only flows before this time (<c>until</c>).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Flows must match one of these filters (<c>whitelist</c>); empty means all.</summary>
    public IReadOnlyList<Pb.FlowFilter> Whitelist { get; init; } = [];

    /// <summary>Flows matching any of these are left out (<c>blacklist</c>).</summary>
    public IReadOnlyList<Pb.FlowFilter> Blacklist { get; init; } = [];

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the backoff jitter, so a run can be replayed.</summary>
    public int RandomSeed { get; init; } = 4245;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP/2 PING interval on an idle connection, so a silently dead relay is noticed; infinite disables it.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response message accepted; longer ones are reported and skipped (gRPC's usual limit is 4 MiB).</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
