using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Patching;

namespace AutoShield.Kubernetes.Tests.Fake;

public sealed class PatchTests
{
    [Fact]
    public void StrategicMerge_ContainerPortsAndServicePorts_MergeByTheirKeys()
    {
        var pod = Parse("""{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"http"}]}]}}""");
        var service = Parse("""{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}""");

        var patchedPod = StrategicMergePatch.Apply(pod, Parse("""{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":9090}]}]}}"""));
        var patchedService = StrategicMergePatch.Apply(service, Parse("""{"spec":{"ports":[{"port":80,"targetPort":9000}]}}"""));

        var ports = patchedPod["spec"]!["containers"]![0]!["ports"]!.AsArray();
        Assert.Equal(2, ports.Count);
        Assert.Equal("http", ports[0]!["name"]!.GetValue<string>());
        Assert.Equal("TCP", ports[0]!["protocol"]!.GetValue<string>());
        Assert.Equal([9000, null], patchedService["spec"]!["ports"]!.AsArray().Select(p => p!["targetPort"]?.GetValue<int>()));
    }

    [Fact]
    public void StrategicMerge_Directives_ReplaceDeleteAndPrimitiveLists()
    {
        var obj = Parse("""{"metadata":{"finalizers":["a","b"],"labels":{"x":"1","y":"2"}},"spec":{"volumes":[{"name":"v1"},{"name":"v2"}]}}""");

        var patched = StrategicMergePatch.Apply(obj, Parse("""
            {"metadata":{"finalizers":["c"],"$deleteFromPrimitiveList/finalizers":["a"],"labels":{"$patch":"replace","z":"3"}},
             "spec":{"volumes":[{"$patch":"replace"},{"name":"only"}]}}
            """));

        Assert.Equal(["b", "c"], patched["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("""{"z":"3"}""", patched["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal(["only"], patched["spec"]!["volumes"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void StrategicMerge_RetainKeys_DropsOtherFields()
    {
        var obj = Parse("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""");

        var patched = StrategicMergePatch.Apply(obj, Parse("""{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"""));

        Assert.Equal("""{"type":"Recreate"}""", patched["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void JsonPatch_MoveRemoveAndEscapedPointer_Applied()
    {
        var obj = Parse("""{"metadata":{"annotations":{"a/b":"1","old":"x"}},"list":[1,2,3]}""");

        var patched = JsonPatch.Apply(obj, JsonNode.Parse("""
            [{"op":"move","from":"/metadata/annotations/old","path":"/metadata/annotations/new"},
             {"op":"remove","path":"/metadata/annotations/a~1b"},
             {"op":"add","path":"/list/-","value":4},
             {"op":"remove","path":"/list/0"}]
            """));

        Assert.Equal("""{"new":"x"}""", patched["metadata"]!["annotations"]!.ToJsonString());
        Assert.Equal("[2,3,4]", patched["list"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""", false)]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""", false)]
    [InlineData("""[{"op":"explode","path":"/a"}]""", true)]
    [InlineData("""{"op":"add"}""", true)]
    public void JsonPatch_BadOperations_ThrowPatchErrorOfTheRightKind(string patch, bool undecodable)
    {
        var error = Assert.Throws<PatchError>(() => JsonPatch.Apply(Parse("""{"a":1}"""), JsonNode.Parse(patch)));

        Assert.Equal(undecodable, error.Undecodable);
    }

    [Fact]
    public void MergePatch_NestedNullAndArray_RemovesAndReplaces()
    {
        var patched = MergePatch.Apply(Parse("""{"a":{"b":1,"c":2},"l":[1,2]}"""), Parse("""{"a":{"b":null},"l":[3]}"""));

        Assert.Equal("""{"a":{"c":2},"l":[3]}""", patched!.ToJsonString());
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
