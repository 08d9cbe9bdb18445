using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Yaml;

/// <summary>
/// A fast reader for the YAML that manifests are made of: block mappings and sequences, plain and quoted single-line
/// scalars, literal and simple folded block scalars, single-line flow collections, comments and document markers.
/// It builds the same tree, with the same positions, as the YamlDotNet path; on anything else (anchors, aliases,
/// tags, multi-line scalars, errors, limits) it gives up and <see cref="YamlTreeReader"/> reads the input with
/// YamlDotNet, which stays the reference for semantics and error messages.
/// </summary>
internal sealed partial class FastYamlReader
{
    private readonly string _text;
    private readonly ManifestLimits _limits;
    private readonly IDocumentSink _sink;
    private const int MaxInternedLength = 64;
    private const int MaxInterned = 8_192;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly List<Open> _stack = [];
    private int _next;
    private int _lineNo;
    private int _lineStart;
    private int _lineEnd;
    private long _nodes;
    private Pending? _pending;
    private int _noDeeperThan = int.MaxValue;
    private int _documents;
    private string? _template;

    // The items sequence of the List being read when the sink streams items: each item is handed out when the next
    // one starts (or the document ends) and then dropped, so a List of thousands of objects never lives whole.
    private ManifestNode? _streamed;
    private int _streamedItems;

    private FastYamlReader(string text, ManifestLimits limits, IDocumentSink sink)
    {
        _text = text;
        _limits = limits;
        _sink = sink;
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads every document, or returns false (with <paramref name="documents"/> untouched) to hand over to YamlDotNet.</summary>
    public static bool TryRead(string text, ManifestLimits limits, List<YamlDocument> documents)
    {
        var found = new List<YamlDocument>();
        if (!TryRead(text, limits, new DocumentList(found), out _))
        {
            return false;
        }

        documents.AddRange(found);
        return true;
    }

    /// <summary>
    /// Hands each document to <paramref name="sink"/> as soon as it is finished. On false (hand over to YamlDotNet)
    /// the first <paramref name="finished"/> documents were delivered whole; whatever the next one streamed must be
    /// discarded by the caller.
    /// </summary>
    public static bool TryRead(string text, ManifestLimits limits, IDocumentSink sink, out int finished)
    {
        var reader = new FastYamlReader(text, limits, sink);
        bool ok;
        try
        {
            ok = reader.ReadAll();
        }
        catch (GiveUp)
        {
            ok = false;
        }

        finished = reader._documents;
        return ok;
    }

    private bool ReadAll()
    {
        ManifestNode? root = null;
        var docStart = 0;
        var started = false;
        while (NextLine())
        {
            var line = _text.AsSpan(_lineStart, _lineEnd - _lineStart);
            if (line.StartsWith("---") && (line.Length == 3 || line[3] == ' '))
            {
                if (!line[3..].Trim().IsEmpty && !line[3..].TrimStart().StartsWith("#"))
                {
                    return false;
                }

                if (started || root is not null)
                {
                    root = Finish(root);
                }

                _template = null;
                started = true;
                docStart = _lineStart;
                continue;
            }

            if (line.StartsWith("...") && line[3..].Trim().IsEmpty)
            {
                root = Finish(root);
                _template = null;
                started = false;
                continue;
            }

            if (line.Length > 0 && line[0] == '%')
            {
                return false;
            }

            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            if (indent == line.Length || line[indent] == '#')
            {
                if (started && root is null && _stack.Count == 0 && indent < line.Length)
                {
                    var comment = line[(indent + 1)..].Trim();
                    if (comment.StartsWith("Source: "))
                    {
                        _template = comment["Source: ".Length..].Trim().ToString();
                    }
                }

                continue;
            }

            if (line.Contains('\t'))
            {
                return false;
            }

            if (!started && root is null && _stack.Count == 0)
            {
                started = true;
                docStart = _lineStart;
            }

            if (_lineEnd - docStart > _limits.MaxDocumentChars || _documents >= _limits.MaxDocuments)
            {
                return false;
            }

            if (!Content(line, indent, ref root))
            {
                return false;
            }
        }

        Finish(root);
        return true;
    }

    private ManifestNode? Finish(ManifestNode? root)
    {
        ResolvePendingAsEmpty();
        _stack.Clear();
        _noDeeperThan = int.MaxValue;
        var streamed = _streamed is not null;
        if (_streamed is { } items)
        {
            HandOutStreamed(items);
            _streamed = null;
            _streamedItems = 0;
        }

        if (root is { IsNull: false })
        {
            _sink.Document(new YamlDocument(root, _documents++, _template) { ItemsStreamed = streamed });
        }

        _nodes = 0;
        return null;
    }

    /// <summary>Hands out the finished item of the streamed items sequence, if it holds one, and forgets it.</summary>
    private void HandOutStreamed(ManifestNode items)
    {
        if (items.Count > 0)
        {
            var item = items.Items[0];
            items.ClearItems();
            _sink.ListItem(_documents, _template, item, _streamedItems++);
        }
    }

    private void AddItem(ManifestNode seq, ManifestNode item)
    {
        if (ReferenceEquals(seq, _streamed))
        {
            HandOutStreamed(seq);
        }

        seq.AddItem(item);
    }

    private void Attach(Pending pending, ManifestNode value)
    {
        if (!pending.IsKey)
        {
            AddItem(pending.Parent, value);
            return;
        }

        pending.Attach(value);
    }

    /// <summary>
    /// Whether the block sequence under <paramref name="key"/> in <paramref name="owner"/> is the <c>items</c> of the
    /// document's <paramref name="root"/> List, which the object reader would split (kind ending in List, apiVersion set).
    /// </summary>
    private bool StreamsItems(ManifestNode owner, ManifestNode key, ManifestNode? root) =>
        _sink.StreamsListItems && _streamed is null && ReferenceEquals(owner, root) && key.Value == "items"
        && owner.Get("kind")?.AsString() is { } kind && kind.EndsWith("List", StringComparison.Ordinal)
        && owner.Get("apiVersion")?.AsString() is not null;

    /// <summary>One content line at <paramref name="col"/> (0-based).</summary>
    private bool Content(ReadOnlySpan<char> line, int col, ref ManifestNode? root)
    {
        if (col > _noDeeperThan)
        {
            return false;
        }

        _noDeeperThan = int.MaxValue;
        var isDash = IsDash(line, col);
        if (_pending is { } pending)
        {
            _pending = null;
            var deeper = col > pending.Indent;
            if (isDash && (deeper || (pending.IsKey && col == pending.Indent)))
            {
                var seq = Node(NodeKind.Sequence, col);
                Attach(pending, seq);
                if (pending.Key is { } key && StreamsItems(pending.Parent, key, root))
                {
                    _streamed = seq;
                }

                _stack.Add(new Open(seq, col));
            }
            else if (deeper && !isDash)
            {
                if (!IsKeyStart(line, col))
                {
                    return false;
                }

                var map = Node(NodeKind.Mapping, col);
                Attach(pending, map);
                _stack.Add(new Open(map, col));
            }
            else
            {
                Attach(pending, Empty(pending.Line, pending.Column));
            }
        }

        while (_stack.Count > 0 && (_stack[^1].Indent > col || (_stack[^1].Indent == col && _stack[^1].Node.IsSequence && !isDash)))
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        if (_stack.Count == 0)
        {
            if (root is not null)
            {
                return false;
            }

            if (isDash)
            {
                root = Node(NodeKind.Sequence, col);
            }
            else if (IsKeyStart(line, col))
            {
                root = Node(NodeKind.Mapping, col);
            }
            else
            {
                return false;
            }

            _stack.Add(new Open(root, col));
        }

        var top = _stack[^1];
        if (top.Indent != col)
        {
            return false;
        }

        return top.Node.IsSequence ? isDash && Item(line, col) : !isDash && Entry(line, col, top.Node);
    }

    /// <summary><c>key: value</c> at <paramref name="col"/> of a mapping at that indent.</summary>
    private bool Entry(ReadOnlySpan<char> line, int col, ManifestNode mapping)
    {
        if (!TryKey(line, col, out var key, out var valueAt))
        {
            return false;
        }

        if (key.IsPlain && key.Value == "<<")
        {
            return false;
        }

        var colonEnd = valueAt;
        var p = SkipSpaces(line, valueAt);
        if (p == line.Length || (line[p] == '#' && p > colonEnd))
        {
            _pending = new Pending(mapping, key, col, _lineNo, colonEnd + 1);
            return true;
        }

        var value = InlineValue(line, p, col);
        if (value is null || !mapping.AddEntry(key, value))
        {
            return false;
        }

        return true;
    }

    /// <summary><c>- ...</c> at <paramref name="col"/> of a sequence at that indent.</summary>
    private bool Item(ReadOnlySpan<char> line, int col)
    {
        var seq = _stack[^1].Node;
        var p = SkipSpaces(line, col + 1);
        if (p == line.Length || (line[p] == '#' && p > col + 1))
        {
            _pending = new Pending(seq, null, col, _lineNo, col + 2);
            return true;
        }

        if (IsDash(line, p))
        {
            var nested = Node(NodeKind.Sequence, p);
            AddItem(seq, nested);
            _stack.Add(new Open(nested, p));
            CheckDepth();
            return Item(line, p);
        }

        if (IsKeyStart(line, p))
        {
            var map = Node(NodeKind.Mapping, p);
            AddItem(seq, map);
            _stack.Add(new Open(map, p));
            CheckDepth();
            return Entry(line, p, map);
        }

        var value = InlineValue(line, p, col);
        if (value is null)
        {
            return false;
        }

        AddItem(seq, value);
        return true;
    }

    /// <summary>A value that starts on this line: scalar, flow collection or block scalar; null to give up.</summary>
    private ManifestNode? InlineValue(ReadOnlySpan<char> line, int p, int ownerIndent)
    {
        var c = line[p];
        ManifestNode? value;
        int end;
        switch (c)
        {
            case '|' or '>':
                return BlockScalar(line, p, ownerIndent);
            case '"':
                value = DoubleQuoted(line, p, out end);
                break;
            case '\'':
                value = SingleQuoted(line, p, out end);
                break;
            case '[' or '{':
                value = Flow(line, ref p, 1);
                end = p;
                break;
            default:
                if (IsIndicator(line, p))
                {
                    return null;
                }

                value = PlainBlock(line, p, out end);
                break;
        }

        if (value is null || !RestIsComment(line, end))
        {
            return null;
        }

        _noDeeperThan = ownerIndent;
        return value;
    }

    private ManifestNode Node(NodeKind kind, int p)
    {
        Count();
        CheckDepth();
        return new ManifestNode(kind, _lineNo, p + 1);
    }

    private ManifestNode Empty(int line, int column)
    {
        Count();
        return new ManifestNode(NodeKind.Scalar, line, column);
    }

    private void ResolvePendingAsEmpty()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            Attach(pending, Empty(pending.Line, pending.Column));
        }
    }

    private void Count()
    {
        if (++_nodes > _limits.MaxExpandedNodes)
        {
            throw new GiveUp();
        }
    }

    private void CheckDepth()
    {
        if (_stack.Count >= _limits.MaxDepth)
        {
            throw new GiveUp();
        }
    }


    /// <summary>A block collection still open, with the column its keys or dashes sit at.</summary>
    private readonly record struct Open(ManifestNode Node, int Indent);

    /// <summary>A key or dash whose value starts on a later line.</summary>
    private readonly record struct Pending(ManifestNode Parent, ManifestNode? Key, int Indent, int Line, int Column)
    {
        public bool IsKey => Key is not null;

        public void Attach(ManifestNode value)
        {
            if (Key is not null)
            {
                if (!Parent.AddEntry(Key, value))
                {
                    throw new GiveUp();
                }
            }
            else
            {
                Parent.AddItem(value);
            }
        }
    }

    /// <summary>Thrown deep inside to hand the whole input to YamlDotNet.</summary>
    private sealed class GiveUp : Exception
    {
    }
}
