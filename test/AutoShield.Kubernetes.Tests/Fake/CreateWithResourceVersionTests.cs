using System.Net;
using System.Text;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Tests.Fake;

public sealed class CreateWithResourceVersionTests
{
    [Fact]
    public async Task Post_BodyWithResourceVersion_RefusedByServerButClientDropsIt()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var original = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("original"));
        using var http = new HttpClient { BaseAddress = cluster.Server.HttpUri };
        var copy = (System.Text.Json.Nodes.JsonObject)original.DeepClone();
        copy["metadata"]!["name"] = "copy";

        using var raw = await http.PostAsync("/api/v1/namespaces/default/configmaps", new StringContent(copy.ToJsonString(), Encoding.UTF8, "application/json"));
        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", copy);

        Assert.Equal(HttpStatusCode.InternalServerError, raw.StatusCode);
        Assert.Equal("copy", ObjectMeta.Name(created));
        Assert.NotEqual(ObjectMeta.Uid(original), ObjectMeta.Uid(created));
    }
}
