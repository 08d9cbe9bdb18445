using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Cli.Commands;

/// <summary>The <c>--relay*</c>, <c>--since</c>, <c>--follow</c> and <c>--count</c> options of <c>replay</c>, and their validation.</summary>
internal sealed class ReplayRelayOptions
{
    public Option<string?> Relay { get; } = new("--relay") { Description = "Stream flows live from a Hubble Relay at host:port (or http:// / https:// URI) instead of reading files." };

    public Option<bool> Tls { get; } = new("--relay-tls") { Description = "Use TLS to the relay (implied by an https:// address or any certificate option)." };

    public Option<string?> Ca { get; } = new("--relay-ca") { Description = "PEM file of the CA that signed the relay's certificate (instead of the system store)." };

    public Option<string?> Cert { get; } = new("--relay-cert") { Description = "PEM client certificate for mutual TLS." };

    public Option<string?> Key { get; } = new("--relay-key") { Description = "PEM private key of --relay-cert (when not in the same file)." };

    public Option<string?> ServerName { get; } = new("--relay-server-name") { Description = "Name the relay's certificate carries when it differs from the address." };

    public Option<string?> Since { get; } = new("--since") { Description = "Only flows from this long ago on, e.g. 5m or 1h (with --relay)." };

    public Option<bool> Follow { get; } = new("--follow", "-f") { Description = "Keep streaming new flows until Ctrl+C or --count (with --relay)." };

    public Option<long?> Count { get; } = new("--count") { Description = "Stop after this many flows; without --follow, ask the relay for its last N (with --relay)." };

    public IEnumerable<Option> All => [Relay, Tls, Ca, Cert, Key, ServerName, Since, Follow, Count];

    /// <summary>The settings for a relay run, null when --relay is absent, or an error message for bad values.</summary>
    public ReplayRelaySettings? Read(ParseResult parse, TimeProvider time, out string? error)
    {
        error = null;
        var address = parse.GetValue(Relay);
        if (address is null)
        {
            error = parse.GetValue(Follow) || parse.GetValue(Since) is not null || parse.GetValue(Count) is not null
                ? "--follow, --since and --count apply to --relay only"
                : null;
            return null;
        }

        DateTimeOffset? since = null;
        if (parse.GetValue(Since) is { } text)
        {
            if (!DurationParser.TryParse(text, out var ago, out var durationError))
            {
                error = $"--since: {durationError}";
                return null;
            }

            since = time.GetUtcNow() - ago;
        }

        var count = parse.GetValue(Count);
        if (count is <= 0)
        {
            error = "--count must be at least 1";
            return null;
        }

        var follow = parse.GetValue(Follow);
        var ca = parse.GetValue(Ca);
        var cert = parse.GetValue(Cert);
        var client = new HubbleRelayClientOptions
        {
            Address = address,
            Tls = parse.GetValue(Tls) || ca is not null || cert is not null,
            CaCertificatePath = ca,
            ClientCertificatePath = cert,
            ClientKeyPath = parse.GetValue(Key),
            TlsServerName = parse.GetValue(ServerName),
            Since = since,
            Follow = follow,
            Number = !follow && count is { } n ? (ulong)n : 0,
        };
        return new ReplayRelaySettings(client, count ?? long.MaxValue);
    }
}
