using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Tests.Yaml;

/// <summary>The fast reader must build exactly the tree YamlDotNet builds, or hand the input over.</summary>
public sealed class FastYamlReaderTests
{
    public static TheoryData<string> Supported() =>
    [
        "a: 1\nb: two\nc: \"three\"\nd: 'fo''ur'\n",
        "a:\nb: 1\nc:\n  - x\n  -\n  - k: v\n    j:\nd: [a, {b: c}]\n",
        "---\n# Source: shop/templates/a.yaml\napiVersion: v1\nkind: Pod\n---\n---\n# Source: b.yaml\nkind: Service\n...\n",
        "spec:\n  containers:\n  - name: web\n    image: nginx:1.27 # pinned\n    args: [\"--port\", \"8080\"]\n    env:\n    - name: A\n      value: \"x\\ty\\u00e9\"\n",
        "list:\n- - a\n  - b\n- - c\nmap: {}\nseq: []\n",
        "script: |\n  #!/bin/sh\n  echo hi\n\n  exit 0\nkeep: |+\n  a\n\nstrip: >-\n  folded\n  text\nnext: 1\n",
        "- |\n  in a sequence\n- plain\n- 'quoted'\n",
        "\"quoted key\": v\n'single': w\nurl: http://example.com:8080/a#frag\nhash: a#b\n",
        "empty_literal: |\nafter: x\n",
        "a: {x: 1, y: [1, 2, {z: 3}], \"j\": \"k\"}\nb: [  ]\n",
        "labels:\n  app.kubernetes.io/name: web\n  tier: \"\"\n  version: ~\n  n: null\n",
        "root:\n    deep:\n        deeper:\n            - a\n            - b: c\n              d: e\n",
        "a: 1\r\nb:\r\n  - c\r\n",
        "# only a comment\n",
        "--- # comment after marker\na: 1\n",
    ];

    public static TheoryData<string> HandedOver() =>
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: multi\n  line plain\n",
        "a: \"multi\n  line quoted\"\n",
        "? complex\n: key\n",
        "a: [1,\n  2]\n",
        "a:\n  - b\n   c: d\n",
        "a: b: c\n",
        "a:\tb\n",
        "%YAML 1.2\n---\na: 1\n",
        "base: &b {a: 1}\nd:\n  <<: *b\n",
        "a: 1\na: 2\n",
        "a: >\n  folded\n\n  with blank\n",
        "[broken\n",
    ];

    [Fact]
    public void TryRead_StreamingSinkAndList_HandsOutEachItemAsItEnds()
    {
        const string yaml = "apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n-\n  kind: Pod\n- kind: Service\nmetadata: {}\n---\nkind: Pod\n";
        var sink = new RecordingSink();

        var accepted = FastYamlReader.TryRead(yaml, ManifestLimits.Default, sink, out var finished);

        Assert.True(accepted);
        Assert.Equal(2, finished);
        Assert.Equal(["0/0 Pod@4", "0/1 Pod@7", "0/2 Service@8", "doc 0 streamed, items 0", "doc 1"], sink.Events);
    }

    [Fact]
    public void TryRead_ListWithKindAfterItems_IsNotStreamed()
    {
        var sink = new RecordingSink();

        Assert.True(FastYamlReader.TryRead("apiVersion: v1\nitems:\n- kind: Pod\nkind: List\n", ManifestLimits.Default, sink, out _));

        Assert.Equal(["doc 0"], sink.Events);
    }

    [Fact]
    public void TryRead_GivesUpAfterStreamingItems_ReportsOnlyFinishedDocuments()
    {
        var sink = new RecordingSink();

        var accepted = FastYamlReader.TryRead("a: 1\n---\napiVersion: v1\nkind: List\nitems:\n- kind: Pod\n- kind: &x Pod\n", ManifestLimits.Default, sink, out var finished);

        Assert.False(accepted);
        Assert.Equal(1, finished);
        Assert.Equal(["doc 0", "1/0 Pod@6"], sink.Events);
    }

    [Theory]
    [MemberData(nameof(Supported))]
    public void TryRead_SupportedYaml_BuildsTheYamlDotNetTree(string yaml)
    {
        var fast = new List<YamlDocument>();

        var accepted = FastYamlReader.TryRead(yaml, ManifestLimits.Default, fast);

        Assert.True(accepted);
        AssertSameDocuments(Reference(yaml), fast);
    }

    [Theory]
    [MemberData(nameof(HandedOver))]
    public void TryRead_OtherYaml_HandsOverWithoutOutput(string yaml)
    {
        var fast = new List<YamlDocument>();

        var accepted = FastYamlReader.TryRead(yaml, ManifestLimits.Default, fast);

        Assert.False(accepted);
        Assert.Empty(fast);
    }

    [Fact]
    public void TryRead_EveryFixture_MatchesYamlDotNet()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.yaml"))
        {
            var yaml = File.ReadAllText(path);
            var fast = new List<YamlDocument>();
            Assert.True(FastYamlReader.TryRead(yaml, ManifestLimits.Default, fast), path);
            AssertSameDocuments(Reference(yaml), fast);
        }
    }

    [Fact]
    public void TryRead_DeepNesting_HandsOverForTheLimitError()
    {
        var yaml = string.Concat(Enumerable.Range(0, 150).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 300) + "v: 1\n";

        Assert.False(FastYamlReader.TryRead(yaml, ManifestLimits.Default, []));
    }

    private static List<YamlDocument> Reference(string yaml)
    {
        var documents = new List<YamlDocument>();
        YamlTreeReader.Read(yaml, "ref", ManifestLimits.Default, documents, e => Assert.Fail(e.ToString()), allowFastPath: false);
        return documents;
    }

    private static void AssertSameDocuments(List<YamlDocument> expected, List<YamlDocument> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Index, actual[i].Index);
            Assert.Equal(expected[i].TemplateSource, actual[i].TemplateSource);
            AssertSameNode(expected[i].Root, actual[i].Root, "$");
        }
    }

    private static void AssertSameNode(ManifestNode expected, ManifestNode actual, string path)
    {
        Assert.True(expected.Kind == actual.Kind, $"{path}: kind {expected.Kind} vs {actual.Kind}");
        Assert.True((expected.Line, expected.Column) == (actual.Line, actual.Column), $"{path}: position {expected.Line}:{expected.Column} vs {actual.Line}:{actual.Column}");
        Assert.True(expected.Value == actual.Value, $"{path}: value [{expected.Value}] vs [{actual.Value}]");
        Assert.True(expected.IsPlain == actual.IsPlain, $"{path}: plain {expected.IsPlain} vs {actual.IsPlain}");
        Assert.True(expected.Count == actual.Count, $"{path}: count {expected.Count} vs {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected.IsMapping)
            {
                var key = expected.KeyAt(i);
                Assert.True(key.Value == actual.KeyAt(i).Value, $"{path}: key [{key.Value}] vs [{actual.KeyAt(i).Value}]");
                Assert.True((key.Line, key.Column) == (actual.KeyAt(i).Line, actual.KeyAt(i).Column), $"{path}.{key.Value}: key position");
                AssertSameNode(expected.ValueAt(i), actual.ValueAt(i), path + "." + key.Value);
            }
            else
            {
                AssertSameNode(expected.Items[i], actual.Items[i], $"{path}[{i}]");
            }
        }
    }

    /// <summary>Writes down what the reader hands out, in order.</summary>
    private sealed class RecordingSink : IDocumentSink
    {
        public List<string> Events { get; } = [];

        public bool StreamsListItems => true;

        public void Document(YamlDocument document) =>
            Events.Add(document.ItemsStreamed ? $"doc {document.Index} streamed, items {document.Root.Get("items")!.Count}" : $"doc {document.Index}");

        public void ListItem(int documentIndex, string? templateSource, ManifestNode item, int itemIndex) =>
            Events.Add($"{documentIndex}/{itemIndex} {item.Get("kind")!.AsString()}@{item.Line}");

        public void DiscardUnfinishedDocument() => Events.Add("discard");
    }
}
