namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>The relay's address resolved into the URI of the GetFlows method and whether TLS is on.</summary>
internal sealed record HubbleRelayEndpoint(Uri BaseUri, bool Tls)
{
    public const int DefaultPort = 4245;
    public const string GetFlowsPath = "/observer.Observer/GetFlows";

    public Uri GetFlowsUri => new(BaseUri, GetFlowsPath);

    /// <summary>The name the server certificate must match: the override, else the address host.</summary>
    public string HostName => BaseUri.IdnHost.Trim('[', ']');

    public static HubbleRelayEndpoint Parse(string address, bool tls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var text = address.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"Hubble Relay address '{address}' must be host:port, http://host:port or https://host:port", nameof(address));
            }

            var isTls = uri.Scheme == Uri.UriSchemeHttps;
            if (tls && !isTls)
            {
                throw new ArgumentException($"TLS is on but the Hubble Relay address '{address}' is http://", nameof(address));
            }

            return new HubbleRelayEndpoint(new UriBuilder(uri.Scheme, uri.Host, uri.Port).Uri, isTls);
        }

        var scheme = tls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        if (!Uri.TryCreate($"{scheme}://{text}", UriKind.Absolute, out var parsed) || parsed.AbsolutePath != "/")
        {
            throw new ArgumentException($"Hubble Relay address '{address}' is not host:port", nameof(address));
        }

        var hasPort = !parsed.IsDefaultPort || text.EndsWith($":{parsed.Port}", StringComparison.Ordinal);
        return new HubbleRelayEndpoint(new UriBuilder(scheme, parsed.Host, hasPort ? parsed.Port : DefaultPort).Uri, tls);
    }
}
