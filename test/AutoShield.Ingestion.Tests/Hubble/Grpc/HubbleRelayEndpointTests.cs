using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class HubbleRelayEndpointTests
{
    [Theory]
    [InlineData("localhost:4245", false, "http://localhost:4245/observer.Observer/GetFlows", false)]
    [InlineData("localhost:4245", true, "https://localhost:4245/observer.Observer/GetFlows", true)]
    [InlineData("hubble-relay.kube-system", false, "http://hubble-relay.kube-system:4245/observer.Observer/GetFlows", false)]
    [InlineData("10.96.0.12:80", false, "http://10.96.0.12:80/observer.Observer/GetFlows", false)]
    [InlineData("[::1]:4245", false, "http://[::1]:4245/observer.Observer/GetFlows", false)]
    [InlineData("http://relay:4245", false, "http://relay:4245/observer.Observer/GetFlows", false)]
    [InlineData("https://relay:443/", false, "https://relay/observer.Observer/GetFlows", true)]
    public void Parse_Address_GivesMethodUriAndTls(string address, bool tls, string expectedUri, bool expectedTls)
    {
        // Act
        var endpoint = HubbleRelayEndpoint.Parse(address, tls);

        // Assert
        Assert.Equal(new Uri(expectedUri), endpoint.GetFlowsUri);
        Assert.Equal(expectedTls, endpoint.Tls);
    }

    [Theory]
    [InlineData("unix:///var/run/cilium/hubble.sock")]
    [InlineData("localhost:4245/path")]
    [InlineData("")]
    public void Parse_UnsupportedAddress_Throws(string address)
    {
        // Act + Assert
        Assert.ThrowsAny<ArgumentException>(() => HubbleRelayEndpoint.Parse(address, tls: false));
    }

    [Fact]
    public void Parse_TlsWithHttpScheme_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => HubbleRelayEndpoint.Parse("http://relay:4245", tls: true));

        // Assert
        Assert.Contains("http://", error.Message);
    }

    [Fact]
    public void HostName_Ipv6Address_HasNoBrackets()
    {
        // Act
        var endpoint = HubbleRelayEndpoint.Parse("[::1]:4245", tls: true);

        // Assert
        Assert.Equal("::1", endpoint.HostName);
    }
}
