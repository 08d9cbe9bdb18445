using AutoShield.Ingestion.Dns;

namespace AutoShield.Ingestion.Tests.Dns;

public sealed class DnsLabelsTests
{
    [Theory]
    [InlineData("api.stripe.com.", "stripe.com")]
    [InlineData("a.b.c.evil-sync.top", "evil-sync.top")]
    [InlineData("localhost", "localhost")]
    [InlineData("com.", "com")]
    public void Parent_Name_ReturnsLastTwoLabels(string name, string expected) =>
        Assert.Equal(expected, DnsLabels.Parent(name).ToString());

    [Theory]
    [InlineData("postgres.shop.svc.cluster.local.", true)]
    [InlineData("cluster.local", true)]
    [InlineData("evilcluster.local.", false)]
    [InlineData("api.stripe.com.", false)]
    public void InDomain_Name_MatchesWholeLabelsOnly(string name, bool expected) =>
        Assert.Equal(expected, DnsLabels.InDomain(name, "cluster.local"));

    [Fact]
    public void LongestLabelOf_Name_ReturnsFirstLongest()
    {
        Assert.Equal("istio-system", DnsLabels.LongestLabelOf("istiod.istio-system.svc.").ToString());
        Assert.Equal(12, DnsLabels.LongestLabel("istiod.istio-system.svc."));
    }

    [Fact]
    public void LongestChunkOf_Name_SplitsAtHyphensToo() =>
        Assert.Equal("1234567890", DnsLabels.LongestChunkOf("internal-k8s-shop-3f1c2a9b-1234567890.elb.amazonaws.com.").ToString());

    [Theory]
    [InlineData("aaaa", 0.0)]
    [InlineData("abab", 1.0)]
    [InlineData("abcd", 2.0)]
    [InlineData("AbCd", 2.0)]
    public void Entropy_Label_IsShannonBitsPerCharacter(string label, double expected) =>
        Assert.Equal(expected, DnsLabels.Entropy(label), 6);
}
