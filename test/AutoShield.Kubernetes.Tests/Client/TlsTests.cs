using System.Security.Authentication;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Config.Credentials;
using AutoShield.Kubernetes.Fake.Auth;
using AutoShield.Kubernetes.Fake.Tls;

namespace AutoShield.Kubernetes.Tests.Client;

public sealed class TlsTests
{
    [Fact]
    public async Task GetPathAsync_TrustingClusterCa_Connects()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var version = await client.GetPathAsync("/version");

        Assert.NotNull(version["gitVersion"]);
    }

    [Fact]
    public async Task GetPathAsync_WithoutClusterCa_RejectsServerCertificateWithoutRetrying()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var connection = cluster.Connection() with { CertificateAuthorities = null };
        using var client = new KubernetesClient(connection, cluster.FastRetries());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetPathAsync("/version"));

        Assert.IsType<AuthenticationException>(error.InnerException);
        Assert.Empty(cluster.Retries);
    }

    [Fact]
    public async Task GetPathAsync_TrustingAnotherCa_RejectsServerCertificate()
    {
        await using var cluster = await FakeCluster.StartAsync();
        using var other = new FakeCertificateAuthority("someone-else");
        var connection = cluster.Connection() with { CertificateAuthorities = [other.Certificate] };
        using var client = new KubernetesClient(connection, cluster.FastRetries());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetPathAsync("/version"));
    }

    [Fact]
    public async Task GetPathAsync_InsecureSkipTlsVerify_ConnectsWithoutCa()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var connection = cluster.Connection() with { CertificateAuthorities = null, InsecureSkipTlsVerify = true };
        using var client = new KubernetesClient(connection, cluster.FastRetries());

        var version = await client.GetPathAsync("/version");

        Assert.NotNull(version["major"]);
    }

    [Fact]
    public async Task ListAsync_ClientCertificate_AuthenticatesAsCommonNameWithGroups()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.RequireAuthentication = true;
        cluster.Server.Access.EnforceRbac = true;
        cluster.Server.Access.Grant("autoshield:responders", new RbacRule([""], ["pods"], ["list"]));
        var issued = cluster.Server.CertificateAuthority.IssueClientCertificate("responder", "autoshield:responders");
        var connection = cluster.Connection() with { Credentials = new StaticCredentials(new KubernetesCredentials(null, issued.Certificate)) };
        using var client = new KubernetesClient(connection, cluster.FastRetries());

        await client.ListAsync(ResourceTypes.Pods, "default");

        Assert.Equal("responder", cluster.Server.Requests[^1].User);
    }
}
