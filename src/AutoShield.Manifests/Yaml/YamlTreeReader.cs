using AutoShield.Manifests.Scanning;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AutoShield.Manifests.Yaml;

/// <summary>
/// Turns YAML (and JSON, which is YAML) text into <see cref="ManifestNode"/> trees from YamlDotNet's low-level event
/// stream, so every node keeps its line and column. Iterative (an explicit stack), so deep input cannot overflow the
/// call stack; every limit in <see cref="ManifestLimits"/> is checked as events arrive.
/// </summary>
internal static class YamlTreeReader
{
    private const string MergeKey = "<<";

    /// <summary>
    /// Appends the documents of <paramref name="text"/>; a syntax error or limit ends the input there. The common
    /// block-style manifest goes through <see cref="FastYamlReader"/>; anything it does not handle comes here.
    /// </summary>
    public static void Read(string text, string source, ManifestLimits limits, List<YamlDocument> documents, Action<ScanError> onError, bool allowFastPath = true) =>
        Read(text, source, limits, new DocumentList(documents), onError, allowFastPath);

    /// <summary>
    /// Hands each document to <paramref name="sink"/> as soon as it is read, so the caller can scan and drop it. When
    /// the fast reader gives up part way, the documents it finished stand and YamlDotNet carries on from the next.
    /// </summary>
    public static void Read(string text, string source, ManifestLimits limits, IDocumentSink sink, Action<ScanError> onError, bool allowFastPath = true)
    {
        var finished = 0;
        if (allowFastPath)
        {
            if (FastYamlReader.TryRead(text, limits, sink, out finished))
            {
                return;
            }

            sink.DiscardUnfinishedDocument();
        }

        var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
        var state = new BuildState(limits, source, onError) { Sink = sink, SkipBelow = finished };
        try
        {
            while (parser.MoveNext())
            {
                Handle(parser.Current!, state);
            }
        }
        catch (YamlException ex)
        {
            onError(new ScanError(source, (int)ex.Start.Line, (int)ex.Start.Column, "invalid YAML: " + Trim(ex.Message)));
        }
        catch (ManifestLimitException ex)
        {
            onError(new ScanError(source, ex.Line, ex.Column, ex.Message));
        }
    }

    private static void Handle(ParsingEvent ev, BuildState state)
    {
        if (state.InDocument && ev.End.Index - state.DocumentStart > state.Limits.MaxDocumentChars)
        {
            throw new ManifestLimitException(ev.Start, $"document larger than the limit of {state.Limits.MaxDocumentChars} characters");
        }

        switch (ev)
        {
            case DocumentStart start:
                if (state.Documents + 1 > state.Limits.MaxDocuments)
                {
                    throw new ManifestLimitException(start.Start, $"more than {state.Limits.MaxDocuments} documents in one input");
                }

                state.BeginDocument(start.Start.Index);
                break;
            case DocumentEnd:
                if (state.Root is { IsNull: false } && state.Documents++ >= state.SkipBelow)
                {
                    // Documents below SkipBelow were read (and handed out) by the fast reader already.
                    state.Sink.Document(new YamlDocument(state.Root, state.Documents - 1, state.TemplateSource));
                }

                state.EndDocument();
                break;
            case Comment comment:
                if (state.InDocument && state.Root is null && state.Stack.Count == 0)
                {
                    var value = comment.Value.Trim();
                    if (value.StartsWith("Source: ", StringComparison.Ordinal))
                    {
                        state.TemplateSource = value["Source: ".Length..].Trim();
                    }
                }

                break;
            case Scalar scalar:
                OnScalar(scalar, state);
                break;
            case MappingStart mapping:
                Push(new ManifestNode(NodeKind.Mapping, Line(mapping), Column(mapping)), mapping, state);
                break;
            case SequenceStart sequence:
                Push(new ManifestNode(NodeKind.Sequence, Line(sequence), Column(sequence)), sequence, state);
                break;
            case MappingEnd:
            case SequenceEnd:
                Pop(state);
                break;
            case AnchorAlias alias:
                OnAlias(alias, state);
                break;
        }
    }

    private static void OnScalar(Scalar scalar, BuildState state)
    {
        var isKey = state.Stack.Count > 0 && state.Stack.Peek().ExpectsKey;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        var value = !isKey && plain && IsNullText(scalar.Value) ? null : scalar.Value;
        var node = new ManifestNode(NodeKind.Scalar, Line(scalar), Column(scalar), value, plain);
        state.Count(1, scalar.Start);
        if (!scalar.Anchor.IsEmpty)
        {
            state.Anchors[scalar.Anchor.Value] = (node, 1);
        }

        Attach(node, state, 1);
    }

    private static void Push(ManifestNode node, NodeEvent ev, BuildState state)
    {
        if (state.Stack.Count >= state.Limits.MaxDepth)
        {
            throw new ManifestLimitException(ev.Start, $"nesting deeper than the limit of {state.Limits.MaxDepth}");
        }

        if (state.Stack.Count > 0 && state.Stack.Peek().ExpectsKey)
        {
            throw new ManifestLimitException(ev.Start, "a mapping key that is itself a mapping or sequence is not supported in Kubernetes manifests");
        }

        state.Count(1, ev.Start);
        state.Stack.Push(new Frame(node, ev.Anchor.IsEmpty ? null : ev.Anchor.Value));
    }

    private static void Pop(BuildState state)
    {
        var frame = state.Stack.Pop();
        var node = frame.Node;
        if (frame.Merges is not null)
        {
            foreach (var source in frame.Merges)
            {
                Merge(node, source);
            }
        }

        if (frame.Anchor is not null)
        {
            state.Anchors[frame.Anchor] = (node, frame.Weight);
        }

        Attach(node, state, frame.Weight);
    }

    private static void OnAlias(AnchorAlias alias, BuildState state)
    {
        if (!state.Anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new ManifestLimitException(alias.Start, $"alias *{alias.Value.Value} refers to no anchor defined before it");
        }

        if (++state.Aliases > state.Limits.MaxAliases)
        {
            throw new ManifestLimitException(alias.Start, $"more than {state.Limits.MaxAliases} aliases in one document");
        }

        var (target, weight) = anchored;
        state.Count(weight, alias.Start);
        if (state.Stack.Count > 0 && state.Stack.Peek().ExpectsKey)
        {
            if (target.Kind != NodeKind.Scalar)
            {
                throw new ManifestLimitException(alias.Start, "an alias used as a mapping key must name a scalar");
            }
        }

        Attach(target, state, weight);
    }

    /// <summary>Attaches a finished node; <paramref name="weight"/> is its size with aliases expanded.</summary>
    private static void Attach(ManifestNode node, BuildState state, long weight)
    {
        if (state.Stack.Count == 0)
        {
            state.Root = node;
            return;
        }

        var frame = state.Stack.Peek();
        frame.Weight += weight;
        if (frame.Node.IsSequence)
        {
            frame.Node.AddItem(node);
            return;
        }

        if (frame.PendingKey is null)
        {
            frame.PendingKey = node;
            return;
        }

        var key = frame.PendingKey;
        frame.PendingKey = null;
        if (key.IsPlain && key.Value == MergeKey)
        {
            (frame.Merges ??= []).Add(node);
            return;
        }

        if (!frame.Node.AddEntry(key, node))
        {
            state.OnError(new ScanError(state.Source, key.Line, key.Column, $"duplicate key \"{key.Value}\": Kubernetes rejects this document; the last value is scanned"));
        }
    }

    private static void Merge(ManifestNode target, ManifestNode source)
    {
        if (source.IsMapping)
        {
            for (var i = 0; i < source.Count; i++)
            {
                target.AddIfAbsent(source.KeyAt(i), source.ValueAt(i));
            }
        }
        else if (source.IsSequence)
        {
            foreach (var item in source.Items)
            {
                Merge(target, item);
            }
        }
    }

    private static bool IsNullText(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    private static int Line(ParsingEvent ev) => (int)ev.Start.Line;

    private static int Column(ParsingEvent ev) => (int)ev.Start.Column;

    private static string Trim(string message)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the position is reported separately.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message;
    }
}
