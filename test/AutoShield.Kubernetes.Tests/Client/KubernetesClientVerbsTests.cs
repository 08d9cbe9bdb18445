using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Tests.Client;

public sealed class KubernetesClientVerbsTests
{
    [Fact]
    public async Task CreateAsync_NewPod_ServerSetsUidTimestampAndResourceVersion()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var created = await client.CreateAsync(ResourceTypes.Pods, "default", Some.Pod("web-1"));

        Assert.False(string.IsNullOrEmpty(ObjectMeta.Uid(created)));
        Assert.False(string.IsNullOrEmpty(ObjectMeta.ResourceVersion(created)));
        Assert.NotNull(created["metadata"]!["creationTimestamp"]);
        Assert.Equal("Pending", created["status"]!["phase"]!.GetValue<string>());
        Assert.NotNull(cluster.Server.Get("v1", "Pod", "default", "web-1"));
    }

    [Fact]
    public async Task GetAsync_ClusterScopedNode_ReadsWithoutNamespace()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-a","labels":{"zone":"z1"}}}""");
        var client = cluster.Client();

        var node = await client.GetAsync(ResourceTypes.Nodes, null, "node-a");

        Assert.Equal("z1", ObjectMeta.Labels(node)["zone"]);
        Assert.Equal("Node", node["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAsync_LabelAndFieldSelectors_ReturnOnlyMatchesWithKindFilledIn()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("a", node: "n1", labels: new() { ["app"] = "web", ["tier"] = "front" }));
        cluster.Server.Seed(Some.Pod("b", node: "n2", labels: new() { ["app"] = "web" }));
        cluster.Server.Seed(Some.Pod("c", node: "n1", labels: new() { ["app"] = "db" }));
        var client = cluster.Client();

        var web = await client.ListAsync(ResourceTypes.Pods, "default", new ListOptions { LabelSelector = "app in (web),tier" });
        var onNode1 = await client.ListAsync(ResourceTypes.Pods, null, new ListOptions { FieldSelector = "spec.nodeName=n1", LabelSelector = "app!=web" });

        Assert.Equal(["a"], web.Items.Select(p => ObjectMeta.Name(p)));
        Assert.Equal(["c"], onNode1.Items.Select(p => ObjectMeta.Name(p)));
        Assert.All(web.Items, p => Assert.Equal("Pod", p["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListAllAsync_SmallPages_FollowsContinueTokensToEveryItem()
    {
        await using var cluster = await FakeCluster.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            cluster.Server.Seed(Some.ConfigMap($"cm-{i}"));
        }

        var client = cluster.Client();

        var first = await client.ListAsync(ResourceTypes.ConfigMaps, "default", new ListOptions { Limit = 3 });
        var all = await client.ListAllAsync(ResourceTypes.ConfigMaps, "default", new ListOptions { Limit = 3 });

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.Continue);
        Assert.Equal(7, all.Items.Count);
        Assert.Equal(7, all.Items.Select(i => ObjectMeta.Name(i)).Distinct().Count());
    }

    [Fact]
    public async Task ReplaceAsync_CurrentResourceVersion_StoresAndBumpsVersion()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg"));
        created["data"]!["key"] = "changed";

        var replaced = await client.ReplaceAsync(ResourceTypes.ConfigMaps, "default", created);

        Assert.Equal("changed", replaced["data"]!["key"]!.GetValue<string>());
        Assert.NotEqual(ObjectMeta.ResourceVersion(created), ObjectMeta.ResourceVersion(replaced));
        Assert.Equal(ObjectMeta.Uid(created), ObjectMeta.Uid(replaced));
    }

    [Fact]
    public async Task PatchAsync_MergePatch_SetsAndRemovesFields()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","namespace":"default","labels":{"a":"1","b":"2"}},"data":{"k":"v"}}""");
        var client = cluster.Client();

        var patched = await client.PatchAsync(ResourceTypes.ConfigMaps, "default", "cfg", PatchType.Merge,
            JsonNode.Parse("""{"metadata":{"labels":{"a":null,"c":"3"}},"data":{"k2":"v2"}}""")!);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "2", ["c"] = "3" }, ObjectMeta.Labels(patched));
        Assert.Equal("v", patched["data"]!["k"]!.GetValue<string>());
        Assert.Equal("v2", patched["data"]!["k2"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchAsync_StrategicMerge_MergesContainersByNameAndEnvByName()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"app","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
                                   {"name":"sidecar","image":"proxy:1"}],
                     "tolerations":[{"key":"x","operator":"Exists"}]}}}}
            """);
        var client = cluster.Client();

        var patched = await client.PatchAsync(ResourceTypes.Deployments, "default", "web", PatchType.StrategicMerge, JsonNode.Parse("""
            {"spec":{"template":{"spec":{
              "containers":[{"name":"app","image":"web:2","env":[{"name":"B","$patch":"delete"},{"name":"C","value":"3"}]},
                            {"name":"sidecar","$patch":"delete"}],
              "tolerations":[{"key":"y","operator":"Exists"}]}}}}
            """)!);

        var containers = patched["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        var app = Assert.Single(containers)!;
        Assert.Equal("web:2", app["image"]!.GetValue<string>());
        Assert.Equal(["A", "C"], app["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal("y", Assert.Single(patched["spec"]!["template"]!["spec"]!["tolerations"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal(2, patched["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task PatchAsync_JsonPatchWithPassingTest_AppliesOperations()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg", value: "old"));
        var client = cluster.Client();

        var patched = await client.PatchAsync(ResourceTypes.ConfigMaps, "default", "cfg", PatchType.Json, JsonNode.Parse("""
            [{"op":"test","path":"/data/key","value":"old"},
             {"op":"replace","path":"/data/key","value":"new"},
             {"op":"add","path":"/metadata/labels","value":{"autoshield.io~1action":"a1"}},
             {"op":"copy","from":"/data/key","path":"/data/copy"}]
            """)!);

        Assert.Equal("new", patched["data"]!["key"]!.GetValue<string>());
        Assert.Equal("new", patched["data"]!["copy"]!.GetValue<string>());
        Assert.Equal("a1", ObjectMeta.Labels(patched)["autoshield.io~1action"]);
    }

    [Fact]
    public async Task PatchAsync_JsonPatchWithFailingTest_ThrowsInvalidAndLeavesObject()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg", value: "old"));
        var client = cluster.Client();

        var error = await Assert.ThrowsAsync<KubernetesInvalidException>(() => client.PatchAsync(ResourceTypes.ConfigMaps, "default", "cfg", PatchType.Json,
            JsonNode.Parse("""[{"op":"test","path":"/data/key","value":"other"},{"op":"remove","path":"/data/key"}]""")!));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("old", cluster.Server.Get("v1", "ConfigMap", "default", "cfg")!["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchAsync_StatusSubresource_ChangesOnlyStatus()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("p"));
        var client = cluster.Client();

        var patched = await client.PatchAsync(ResourceTypes.Pods, "default", "p", PatchType.Merge,
            JsonNode.Parse("""{"status":{"podIP":"10.0.0.9"},"metadata":{"labels":{"ignored":"yes"}}}""")!, subresource: "status");
        var mainPatch = await client.PatchAsync(ResourceTypes.Pods, "default", "p", PatchType.Merge, JsonNode.Parse("""{"status":{"podIP":"10.9.9.9"}}""")!);

        Assert.Equal("10.0.0.9", ObjectMeta.At(patched, "status.podIP"));
        Assert.False(ObjectMeta.Labels(patched).ContainsKey("ignored"));
        Assert.Equal("10.0.0.9", ObjectMeta.At(mainPatch, "status.podIP"));
    }

    [Fact]
    public async Task CreateAsync_DryRun_ValidatesWithoutStoring()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var before = cluster.Server.Store.ResourceVersion;

        var answer = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("dry"), new WriteOptions(DryRun: true));
        var invalid = Some.Pod("bad");
        invalid["spec"]!["containers"]![0]!.AsObject().Remove("image");

        Assert.Equal("dry", ObjectMeta.Name(answer));
        Assert.Null(cluster.Server.Get("v1", "ConfigMap", "default", "dry"));
        Assert.Equal(before, cluster.Server.Store.ResourceVersion);
        await Assert.ThrowsAsync<KubernetesInvalidException>(() => client.CreateAsync(ResourceTypes.Pods, "default", invalid, new WriteOptions(DryRun: true)));
    }

    [Fact]
    public async Task CreateAsync_FieldManager_RecordedInManagedFields()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var created = await client.CreateAsync(ResourceTypes.ConfigMaps, "default", Some.ConfigMap("cfg"), new WriteOptions(FieldManager: "autoshield-actuator"));

        var entry = Assert.Single(created["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal("autoshield-actuator", entry["manager"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesAndReturnsObject()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        var client = cluster.Client();

        var deleted = await client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "cfg");

        Assert.Equal("cfg", ObjectMeta.Name(deleted));
        Assert.Null(await client.TryGetAsync(ResourceTypes.ConfigMaps, "default", "cfg"));
    }

    [Fact]
    public async Task DeleteAsync_StaleResourceVersionPrecondition_ThrowsConflictAndKeepsObject()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var seeded = cluster.Server.Seed(Some.ConfigMap("cfg"));
        var client = cluster.Client();
        await client.PatchAsync(ResourceTypes.ConfigMaps, "default", "cfg", PatchType.Merge, JsonNode.Parse("""{"data":{"key":"v2"}}""")!);

        await Assert.ThrowsAsync<KubernetesConflictException>(() => client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "cfg",
            new DeleteOptions { PreconditionResourceVersion = ObjectMeta.ResourceVersion(seeded) }));

        Assert.NotNull(cluster.Server.Get("v1", "ConfigMap", "default", "cfg"));
    }

    [Fact]
    public async Task DeleteAsync_ObjectWithFinalizer_MarkedUntilFinalizerRemoved()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","namespace":"default","finalizers":["autoshield.io/revert"]}}""");
        var client = cluster.Client();

        var marked = await client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "cfg");
        var stillThere = await client.TryGetAsync(ResourceTypes.ConfigMaps, "default", "cfg");
        await client.PatchAsync(ResourceTypes.ConfigMaps, "default", "cfg", PatchType.Merge, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);

        Assert.NotNull(marked["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(stillThere);
        Assert.Null(await client.TryGetAsync(ResourceTypes.ConfigMaps, "default", "cfg"));
    }

    [Fact]
    public async Task DeleteCollectionAsync_LabelSelector_DeletesOnlyMatches()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("a", labels: new() { ["autoshield.io/action"] = "a1" }));
        cluster.Server.Seed(Some.Pod("b", labels: new() { ["autoshield.io/action"] = "a1" }));
        cluster.Server.Seed(Some.Pod("c"));
        var client = cluster.Client();

        var dry = await client.DeleteCollectionAsync(ResourceTypes.Pods, "default", new ListOptions { LabelSelector = "autoshield.io/action=a1" }, dryRun: true);
        var deleted = await client.DeleteCollectionAsync(ResourceTypes.Pods, "default", new ListOptions { LabelSelector = "autoshield.io/action=a1" });

        Assert.Equal(2, dry.Items.Count);
        Assert.Equal(["a", "b"], deleted.Items.Select(i => ObjectMeta.Name(i)));
        Assert.Equal(["c"], (await client.ListAsync(ResourceTypes.Pods, "default")).Items.Select(i => ObjectMeta.Name(i)));
    }

    [Fact]
    public async Task ReplaceStatusAsync_NodeStatus_ChangesStatusOnly()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"spec":{"unschedulable":false}}""");
        var client = cluster.Client();
        var node = await client.GetAsync(ResourceTypes.Nodes, null, "n1");
        node["status"] = JsonNode.Parse("""{"conditions":[{"type":"Ready","status":"True"}]}""");
        node["spec"]!["unschedulable"] = true;

        var replaced = await client.ReplaceStatusAsync(ResourceTypes.Nodes, null, node);

        Assert.Equal("Ready", replaced["status"]!["conditions"]![0]!["type"]!.GetValue<string>());
        Assert.False(replaced["spec"]!["unschedulable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DeleteAsync_DryRun_KeepsObject()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.ConfigMap("cfg"));
        var client = cluster.Client();

        var answer = await client.DeleteAsync(ResourceTypes.ConfigMaps, "default", "cfg", new DeleteOptions { DryRun = true });

        Assert.Equal("cfg", ObjectMeta.Name(answer));
        Assert.NotNull(await client.TryGetAsync(ResourceTypes.ConfigMaps, "default", "cfg"));
    }

    [Fact]
    public async Task CreateSubresourceAsync_PodEviction_DeletesPod()
    {
        await using var cluster = await FakeCluster.StartAsync();
        cluster.Server.Seed(Some.Pod("victim"));
        var client = cluster.Client();

        var status = await client.CreateSubresourceAsync(ResourceTypes.Pods, "default", "victim", "eviction",
            JsonNode.Parse("""{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"victim","namespace":"default"}}""")!.AsObject());

        Assert.Equal("Success", status["status"]!.GetValue<string>());
        Assert.Null(cluster.Server.Get("v1", "Pod", "default", "victim"));
    }

    [Fact]
    public async Task CreateAsync_CustomResource_CiliumPolicyRoundTripsUnknownFields()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();
        var policy = JsonNode.Parse("""
            {"apiVersion":"cilium.io/v2","kind":"CiliumNetworkPolicy","metadata":{"name":"isolate","namespace":"default"},
             "spec":{"endpointSelector":{"matchLabels":{"app":"web"}},"ingressDeny":[{"fromEntities":["world"]}],"x-future":{"a":1}}}
            """)!.AsObject();

        var created = await client.CreateAsync(ResourceTypes.CiliumNetworkPolicies, "default", policy);
        var read = await client.GetAsync(ResourceTypes.CiliumNetworkPolicies, "default", "isolate");

        Assert.Equal(1, read["spec"]!["x-future"]!["a"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(created["spec"], policy["spec"]));
        await Assert.ThrowsAsync<KubernetesUnsupportedMediaTypeException>(() => client.PatchAsync(ResourceTypes.CiliumNetworkPolicies, "default", "isolate",
            PatchType.StrategicMerge, JsonNode.Parse("""{"spec":{}}""")!));
    }

    [Fact]
    public async Task GetPathAsync_Discovery_ListsRegisteredGroups()
    {
        await using var cluster = await FakeCluster.StartAsync();
        var client = cluster.Client();

        var groups = await client.GetPathAsync("/apis");
        var version = await client.GetPathAsync("/version");
        var core = await client.GetPathAsync("/api/v1");

        var names = groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("apps", names);
        Assert.Contains("cilium.io", names);
        Assert.Equal("1", version["major"]!.GetValue<string>());
        Assert.Contains(core["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "pods/status");
    }
}
