using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Fake.Auth;

namespace AutoShield.Kubernetes.Tests.Fake;

public sealed class FakeServerSemanticsTests
{
    [Theory]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"a","image":"i"}]}}}}""", "deployments", "spec.selector")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"selector":{},"template":{"spec":{"containers":[]}}}}""", "deployments", "spec.template.spec.containers")]
    [InlineData("""{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"np"},"spec":{}}""", "networkpolicies", "spec.podSelector")]
    [InlineData("""{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l"}}""", "leases", "spec")]
    [InlineData("""{"apiVersion":"v1","kind":"Event","metadata":{"name":"e"},"reason":"X"}""", "events", "involvedObject")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"i"}]}}""", "pods", "spec.containers[0].name")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}""", "configmaps", "metadata.name")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Not_A_Name"}}""", "configmaps", "metadata.name")]
    public async Task Create_MissingOrBadRequiredField_Answers422WithCause(string json, string plural, string field)
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var obj = JsonNode.Parse(json)!.AsObject();
        var type = plural switch
        {
            "deployments" => ResourceTypes.Deployments,
            "networkpolicies" => ResourceTypes.NetworkPolicies,
            "leases" => ResourceTypes.Leases,
            "events" => ResourceTypes.Events,
            "pods" => ResourceTypes.Pods,
            _ => ResourceTypes.ConfigMaps,
        };

        var error = await Assert.ThrowsAsync<KubernetesInvalidException>(() => client.CreateAsync(type, "default", obj));

        Assert.Contains(error.Causes, c => c.Field == field);
        Assert.Null(cluster.Server.Store.List(cluster.Server.Resources.Find(type.Group, type.Version, type.Plural)!, "default").Items.FirstOrDefault());
    }

    [Fact]
    public async Task Create_GenerateName_ServerPicksName()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", JsonNode.Parse("""{"metadata":{"generateName":"autoshield-"}}""")!.AsObject());

        Assert.StartsWith("autoshield-", ObjectMeta.Name(created), StringComparison.Ordinal);
        Assert.Equal("autoshield-".Length + 5, ObjectMeta.Name(created)!.Length);
    }

    [Fact]
    public async Task Create_InMissingNamespace_Answers404ForNamespace()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var error = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => client.CreateAsync(ResourceTypes.ConfigMaps, "nowhere", Some.ConfigMap("c", "nowhere")));

        Assert.Equal(("nowhere", "namespaces"), (error.Status.Name, error.Status.Kind));
    }

    [Fact]
    public async Task Replace_Unchanged_KeepsResourceVersion()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("c"));

        var replaced = await client.ReplaceAsync(ResourceTypes.ConfigMaps, "default", created);

        Assert.Equal(ObjectMeta.ResourceVersion(created), ObjectMeta.ResourceVersion(replaced));
    }

    [Fact]
    public async Task Replace_StatusOnMainResource_IsIgnored()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("p", ip: "10.0.0.1"));
        var client = cluster.Client();
        var pod = await client.GetAsync(ResourceTypes.Pods, "default", "p");
        pod["status"]!["podIP"] = "10.9.9.9";
        pod["spec"]!["containers"]![0]!["image"] = "nginx:2";

        var replaced = await client.ReplaceAsync(ResourceTypes.Pods, "default", pod);

        Assert.Equal("10.0.0.1", ObjectMeta.At(replaced, "status.podIP"));
        Assert.Equal("nginx:2", replaced["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rbac_RuleLimitedToNamespaceAndVerbs_AllowsOnlyThose()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("p", "shop"));
        cluster.Server.Seed(Some.Pod("q", "default"));
        cluster.Server.Access.EnforceRbac = true;
        cluster.Server.Access.AddToken("t", "actuator", "autoshield");
        cluster.Server.Access.Grant("autoshield", "", "pods", ["get", "list", "delete"], inNamespace: "shop");
        cluster.Server.Access.Grant("actuator", new RbacRule(["networking.k8s.io"], ["networkpolicies"], ["*"]));
        var client = cluster.Client("t");

        await client.ListAsync(ResourceTypes.Pods, "shop");
        await client.DeleteAsync(ResourceTypes.Pods, "shop", "p");
        var otherNamespace = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => client.GetAsync(ResourceTypes.Pods, "default", "q"));
        var allNamespaces = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => client.ListAsync(ResourceTypes.Pods));
        var status = await Assert.ThrowsAsync<KubernetesForbiddenException>(() => client.PatchAsync(ResourceTypes.Pods, "shop", "x", PatchType.Merge, new JsonObject(), subresource: "status"));
        var policies = await client.ListAsync(ResourceTypes.NetworkPolicies, "default");

        Assert.Contains("in the namespace \"default\"", otherNamespace.Message, StringComparison.Ordinal);
        Assert.Contains("at the cluster scope", allNamespaces.Message, StringComparison.Ordinal);
        Assert.Contains("resource \"pods/status\"", status.Message, StringComparison.Ordinal);
        Assert.Empty(policies.Items);
    }

    [Fact]
    public async Task Delete_Namespace_DeletesWhatItHolds()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("a", "doomed"));
        cluster.Server.Seed(Some.Pod("b", "doomed"));
        cluster.Server.Seed(Some.ConfigMap("c", "default"));
        var client = cluster.Client();

        await client.DeleteAsync(ResourceTypes.Namespaces, null, "doomed");

        Assert.Empty((await client.ListAsync(ResourceTypes.ConfigMaps, "doomed")).Items);
        Assert.Empty((await client.ListAsync(ResourceTypes.Pods, "doomed")).Items);
        Assert.Single((await client.ListAsync(ResourceTypes.ConfigMaps, "default")).Items);
    }

    [Fact]
    public async Task Http_UnknownResourceAndBadMethodAndPatchType_AnswerLikeApiServer()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("c"));
        using var http = new HttpClient { BaseAddress = cluster.Server.HttpUri };

        using var unknown = await http.GetAsync("/apis/example.com/v1/widgets");
        using var patch = await http.PatchAsync("/api/v1/namespaces/default/configmaps/c", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var health = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Status", JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, patch.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registry_RegisterCustom_ServesNewKindInOneLine()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Resources.RegisterCustom("autoshield.io", "v1alpha1", "responseactions", "ResponseAction", requiredFields: ["spec.action"]);
        var type = new ResourceType("autoshield.io", "v1alpha1", "responseactions", "ResponseAction", true);
        var client = cluster.Client();

        await client.CreateAsync(type, "default", JsonNode.Parse("""{"metadata":{"name":"a1"},"spec":{"action":"pod_isolation"}}""")!.AsObject());
        var invalid = await Assert.ThrowsAsync<KubernetesInvalidException>(() => client.CreateAsync(type, "default", JsonNode.Parse("""{"metadata":{"name":"a2"},"spec":{}}""")!.AsObject()));

        Assert.Single((await client.ListAsync(type, "default")).Items);
        Assert.Equal("spec.action", Assert.Single(invalid.Causes).Field);
    }
}
