using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Tests.Yaml;

public sealed class ManifestNodeTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("\"true\"", null)]
    [InlineData("maybe", null)]
    public void AsBool_Yaml11Scalars_ReadAsKubernetesReadsThem(string text, bool? expected)
    {
        var node = Value(text);

        Assert.Equal(expected, node.AsBool());
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1000", 1000L)]
    [InlineData("-5", -5L)]
    [InlineData("0x10", 16L)]
    [InlineData("0o17", 15L)]
    [InlineData("017", 15L)]
    [InlineData("'0'", null)]
    [InlineData("1.5", null)]
    public void AsLong_IntegerForms_Parse(string text, long? expected)
    {
        var node = Value(text);

        Assert.Equal(expected, node.AsLong());
    }

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void Value_PlainNull_IsNull(string text)
    {
        var node = Value(text);

        Assert.True(node.IsNull);
    }

    [Fact]
    public void Get_LargeMapping_FindsEveryKeyThroughTheIndex()
    {
        var yaml = "v:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"  k{i}: {i}\n"));
        var documents = new List<YamlDocument>();
        YamlTreeReader.Read(yaml, "t", ManifestLimits.Default, documents, _ => { });

        var map = documents[0].Root.Get("v")!;

        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(i, map.Get($"k{i}")!.AsLong()));
    }

    private static ManifestNode Value(string text)
    {
        var documents = new List<YamlDocument>();
        YamlTreeReader.Read("v: " + text + "\n", "t", ManifestLimits.Default, documents, e => Assert.Fail(e.ToString()));
        return documents[0].Root.Get("v")!;
    }
}
