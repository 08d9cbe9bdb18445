using System.Text;
using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Tests.Yaml;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void Read_BlockMapping_KeepsLineAndColumnOfEveryNode()
    {
        var (documents, errors) = Read("a: 1\nspec:\n  containers:\n    - name: web\n      image: nginx\n");

        Assert.Empty(errors);
        var image = documents[0].Root.At("spec.containers")!.Items[0].Get("image")!;
        Assert.Equal((5, 14), (image.Line, image.Column));
        Assert.Equal("spec.containers[0].image", image.Path());
    }

    [Fact]
    public void Read_MultipleDocuments_ReturnsEachWithItsIndex()
    {
        var (documents, _) = Read("a: 1\n---\nb: 2\n---\n---\nc: 3\n");

        Assert.Equal(["a", "b", "c"], documents.Select(d => d.Root.KeyAt(0).Value ?? "").ToList());
        Assert.Equal([0, 1, 2], documents.Select(d => d.Index).ToList());
    }

    [Fact]
    public void Read_Json_ParsesWithPositions()
    {
        var (documents, errors) = Read("{\n  \"kind\": \"Pod\",\n  \"spec\": {\"hostNetwork\": true}\n}\n");

        Assert.Empty(errors);
        var hostNetwork = documents[0].Root.At("spec.hostNetwork")!;
        Assert.True(hostNetwork.AsBool());
        Assert.Equal(3, hostNetwork.Line);
    }

    [Fact]
    public void Read_BillionLaughs_StopsAtTheExpansionLimit()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var (documents, errors) = Read(yaml.ToString());

        Assert.Empty(documents);
        Assert.Contains("alias bomb", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyAliases_ReportsTheAliasLimit()
    {
        var yaml = "x: &x 1\nlist: [" + string.Join(", ", Enumerable.Repeat("*x", 50)) + "]\n";

        var (_, errors) = Read(yaml, ManifestLimits.Default with { MaxAliases = 10 });

        Assert.Contains("more than 10 aliases", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeepNesting_StopsAtTheDepthLimitWithoutOverflowing()
    {
        var yaml = new string('[', 200_000) + new string(']', 200_000);

        var (documents, errors) = Read(yaml);

        Assert.Empty(documents);
        Assert.Contains("nesting deeper than the limit of 100", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeDocument_StopsAtTheDocumentLimit()
    {
        var yaml = "data:\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"  k{i}: {new string('v', 100)}\n"));

        var (_, errors) = Read(yaml, ManifestLimits.Default with { MaxDocumentChars = 100_000 });

        Assert.Contains("document larger than the limit", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyDocuments_StopsAtTheDocumentCountLimit()
    {
        var yaml = string.Concat(Enumerable.Repeat("---\na: 1\n", 20));

        var (documents, errors) = Read(yaml, ManifestLimits.Default with { MaxDocuments = 5 });

        Assert.Equal(5, documents.Count);
        Assert.Contains("more than 5 documents", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKey_ReportsItAndKeepsTheLastValue()
    {
        var (documents, errors) = Read("privileged: false\nprivileged: true\n");

        Assert.Equal(2, Assert.Single(errors).Line);
        Assert.True(documents[0].Root.Get("privileged")!.AsBool());
    }

    [Fact]
    public void Read_MergeKey_AddsMissingKeysOnly()
    {
        var (documents, errors) = Read("base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n");

        Assert.Empty(errors);
        var derived = documents[0].Root.Get("derived")!;
        Assert.Equal(1, derived.Get("a")!.AsLong());
        Assert.Equal(3, derived.Get("b")!.AsLong());
        Assert.Null(derived.Get("<<"));
    }

    [Fact]
    public void Read_HelmSourceComment_RecordsTheTemplate()
    {
        var (documents, _) = Read("---\n# Source: shop/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n");

        Assert.Equal("shop/templates/deployment.yaml", Assert.Single(documents).TemplateSource);
    }

    [Fact]
    public void Read_SyntaxError_ReportsWhereAndKeepsEarlierDocuments()
    {
        var (documents, errors) = Read("a: 1\n---\nb: [unclosed\n");

        Assert.Single(documents);
        var error = Assert.Single(errors);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 3);
    }

    [Fact]
    public void Read_AliasToUndefinedAnchor_ReportsIt()
    {
        var (_, errors) = Read("a: *nowhere\n");

        Assert.Contains("refers to no anchor", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    private static (List<YamlDocument> Documents, List<ScanError> Errors) Read(string yaml, ManifestLimits? limits = null)
    {
        var documents = new List<YamlDocument>();
        var errors = new List<ScanError>();
        YamlTreeReader.Read(yaml, "test.yaml", limits ?? ManifestLimits.Default, documents, errors.Add);
        return (documents, errors);
    }
}
