using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Fake.Auth;

namespace AutoShield.Kubernetes.Tests.Client;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task GetAsync_Missing_ThrowsNotFoundWithStatusDetails()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var error = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => client.GetAsync(ResourceTypes.Deployments, "default", "nope"));

        Assert.Equal((404, "NotFound", "nope", "deployments", "apps"), (error.StatusCode, error.Reason, error.Status.Name, error.Status.Kind, error.Status.Group));
        Assert.Equal("deployments.apps \"nope\" not found", error.Message);
    }

    [Fact]
    public async Task CreateAsync_Existing_ThrowsAlreadyExists()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        var client = cluster.Client();

        var error = await Assert.ThrowsAsync<KubernetesAlreadyExistsException>(() => client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg")));

        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task ReplaceAsync_StaleResourceVersion_ThrowsConflict()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var first = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg"));
        var stale = (JsonObject)first.DeepClone();
        first["data"]!["key"] = "one";
        await client.ReplaceAsync(ResourceTypes.ConfigMaps, "default", first);
        stale["data"]!["key"] = "two";

        var error = await Assert.ThrowsAsync<KubernetesConflictException>(() => client.ReplaceAsync(ResourceTypes.ConfigMaps, "default", stale));

        Assert.Equal("Conflict", error.Reason);
        Assert.Contains("the object has been modified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_PodWithoutImage_ThrowsInvalidWithCauses()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var pod = Some.Pod("p");
        pod["spec"]!["containers"]![0]!.AsObject().Remove("image");

        var error = await Assert.ThrowsAsync<KubernetesInvalidException>(() => client.CreateAsync(ResourceTypes.Pods, "default", pod));

        var cause = Assert.Single(error.Causes);
        Assert.Equal(("FieldValueRequired", "spec.containers[0].image"), (cause.Reason, cause.Field));
    }

    [Fact]
    public async Task ListAsync_MalformedSelector_ThrowsBadRequest()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        await Assert.ThrowsAsync<KubernetesBadRequestException>(() => client.ListAsync(ResourceTypes.Pods, null, new ListOptions { LabelSelector = "app in web" }));
        await Assert.ThrowsAsync<KubernetesBadRequestException>(() => client.ListAsync(ResourceTypes.Pods, null, new ListOptions { FieldSelector = "spec.unknownField=x" }));
    }

    [Fact]
    public async Task ListAsync_VerbOutsideRbac_ThrowsForbidden()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Access.EnforceRbac = true;
        cluster.Server.Access.AddToken("t", "viewer");
        cluster.Server.Access.Grant("viewer", new RbacRule([""], ["pods"], ["get"]));
        var client = cluster.Client("t");

        var error = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => client.ListAsync(ResourceTypes.Pods, "default"));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("User \"viewer\" cannot list resource \"pods\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnknownToken_ThrowsUnauthorized()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client("not-a-token");

        await Assert.ThrowsAsync<KubernetesUnauthorizedException>(() => client.GetAsync(ResourceTypes.Pods, "default", "p"));
    }

    [Fact]
    public async Task ListAsync_ContinueTokenOlderThanHistory_ThrowsGone()
    {
        await using var cluster = await FakeCluster.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            cluster.Server.Seed(Some.ConfigMap($"c{i}"));
        }

        var client = cluster.Client();
        var page = await client.ListAsync(ResourceTypes.ConfigMaps, "default", new ListOptions { Limit = 1 });
        cluster.Server.Seed(Some.ConfigMap("later"));
        cluster.Server.Store.Compact();

        await Assert.ThrowsAsync<KubernetesGoneException>(() => client.ListAsync(ResourceTypes.ConfigMaps, "default", new ListOptions { Limit = 1, Continue = page.Continue }));
    }

    [Theory]
    [InlineData(429, typeof(KubernetesTooManyRequestsException))]
    [InlineData(500, typeof(KubernetesServerErrorException))]
    [InlineData(503, typeof(KubernetesServerErrorException))]
    public async Task GetAsync_InjectedStatusWithoutRetries_ThrowsTypedException(int code, Type expected)
    {
        await using var cluster = await FakeCluster.StartAsync();
        if (code == 429)
        {
            cluster.Server.Faults.ThrottleNext(1, 7);
        }
        else
        {
            cluster.Server.Faults.FailNext(1, code);
        }

        var client = cluster.Client(options: cluster.FastRetries() with { MaxRetries = 0 });

        var error = await Assert.ThrowsAnyAsync<KubernetesApiException>(() => client.GetAsync(ResourceTypes.Pods, "default", "p"));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(code == 429 ? 7 : null, error.Status.RetryAfterSeconds);
    }

    [Fact]
    public void ApiStatusFrom_NonStatusBody_KeepsHttpCodeAndText()
    {
        var status = ApiStatus.From(502, "<html>bad gateway</html>");

        Assert.Equal((502, "<html>bad gateway</html>"), (status.Code, status.Message));
        Assert.IsType<KubernetesServerErrorException>(KubernetesApiException.Create(status));
    }
}
