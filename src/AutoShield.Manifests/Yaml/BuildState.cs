using AutoShield.Manifests.Scanning;
using YamlDotNet.Core;

namespace AutoShield.Manifests.Yaml;

/// <summary>What <see cref="YamlTreeReader"/> tracks for the document being read.</summary>
internal sealed class BuildState(ManifestLimits limits, string source, Action<ScanError> onError)
{
    private long _expanded;

    public ManifestLimits Limits { get; } = limits;

    public string Source { get; } = source;

    public Action<ScanError> OnError { get; } = onError;

    public Stack<Frame> Stack { get; } = new();

    /// <summary>Anchored nodes with their expanded size, which each alias to them adds again.</summary>
    public Dictionary<string, (ManifestNode Node, long Weight)> Anchors { get; } = new(StringComparer.Ordinal);

    public ManifestNode? Root { get; set; }

    /// <summary>Where finished documents go.</summary>
    public required IDocumentSink Sink { get; init; }

    /// <summary>Documents read so far (those with a root).</summary>
    public int Documents { get; set; }

    /// <summary>Documents before this index are not handed out again (the fast reader delivered them).</summary>
    public int SkipBelow { get; init; }

    public string? TemplateSource { get; set; }

    public bool InDocument { get; private set; }

    public long DocumentStart { get; private set; }

    public int Aliases { get; set; }

    public void BeginDocument(long start)
    {
        InDocument = true;
        DocumentStart = start;
        Root = null;
        TemplateSource = null;
        Anchors.Clear();
        Aliases = 0;
        _expanded = 0;
    }

    public void EndDocument()
    {
        InDocument = false;
        Root = null;
        Stack.Clear();
    }

    /// <summary>Adds expanded nodes to the document's total and stops at the limit (alias bombs end here).</summary>
    public void Count(long nodes, Mark at)
    {
        _expanded += nodes;
        if (_expanded > Limits.MaxExpandedNodes)
        {
            throw new ManifestLimitException(at, $"document expands to more than {Limits.MaxExpandedNodes} nodes (an alias bomb?)");
        }
    }
}
