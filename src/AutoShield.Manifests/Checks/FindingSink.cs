using AutoShield.Manifests.Model;
using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Checks;

/// <summary>Where checks report. One per scan, reused for every check, so reporting costs only the finding itself.</summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings;
    private const int MaxPooledMessages = 65_536;

    private readonly FieldPaths _paths = new();

    // Findings live until the report is written; many share their message text ("container app runs privileged"),
    // so the report keeps one copy of each and the checks' own strings die young.
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    internal FindingSink(ScanOptions options, List<Finding> findings)
    {
        Options = options;
        _findings = findings;
    }

    public ScanOptions Options { get; }

    /// <summary>The check now running; set by the scanner before each evaluation.</summary>
    internal CheckDefinition Current { get; set; } = null!;

    /// <summary>Reports a finding on <paramref name="obj"/> at <paramref name="at"/> (the object itself when null).</summary>
    public void Report(ManifestObject obj, ManifestNode? at, string message, string? container = null)
    {
        var node = at ?? obj.Root;
        if (_messages.TryGetValue(message, out var pooled))
        {
            message = pooled;
        }
        else if (_messages.Count < MaxPooledMessages)
        {
            _messages[message] = message;
        }

        _findings.Add(new Finding(Current, message, obj.Source, node.Line, node.Column, obj.Ref, container)
        {
            FieldPath = _paths.Of(obj, at),
            TemplateSource = obj.TemplateSource,
        });
    }

    /// <summary>Reports a finding on a container, at <paramref name="at"/> or the container itself.</summary>
    public void Report(ContainerView container, ManifestNode? at, string message) =>
        Report(container.Pod.Object, at ?? container.Node, message, container.Name);
}
