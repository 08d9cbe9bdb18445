using System.Globalization;

namespace AutoShield.Manifests.Yaml;

/// <summary>
/// One node of a parsed manifest with the position it came from. A deliberately small tree: mappings keep their
/// keys in order (small objects are searched linearly, large ones through a lazily built index).
/// </summary>
public sealed class ManifestNode
{
    private const int IndexThreshold = 16;
    private static readonly List<ManifestNode> NoNodes = [];

    // Sequences hold their items; mappings hold key, value, key, value... in one list: half the objects of two lists,
    // and the tree is most of what a scan allocates.
    private readonly List<ManifestNode>? _children;
    private Dictionary<string, int>? _index;

    internal ManifestNode(NodeKind kind, int line, int column, string? value = null, bool isPlain = true)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Value = value;
        IsPlain = isPlain;
        if (kind != NodeKind.Scalar)
        {
            _children = [];
        }
    }

    public NodeKind Kind { get; }

    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; }

    /// <summary>Scalar text; null for a YAML null (<c>~</c>, <c>null</c>, empty) and for collections.</summary>
    public string? Value { get; }

    /// <summary>True for plain (unquoted) scalars, whose text YAML resolves to booleans, numbers and null.</summary>
    public bool IsPlain { get; }

    /// <summary>The node this one was first attached under (aliased nodes keep their first parent).</summary>
    public ManifestNode? Parent { get; private set; }

    public bool IsMapping => Kind == NodeKind.Mapping;

    public bool IsSequence => Kind == NodeKind.Sequence;

    public bool IsNull => Kind == NodeKind.Scalar && Value is null;

    /// <summary>Entries of a mapping or items of a sequence; 0 for scalars.</summary>
    public int Count => _children is null ? 0 : Kind == NodeKind.Mapping ? _children.Count / 2 : _children.Count;

    /// <summary>Items of a sequence; empty for mappings (use <see cref="KeyAt"/> and <see cref="ValueAt"/>) and scalars.</summary>
    public IReadOnlyList<ManifestNode> Items => Kind == NodeKind.Sequence ? _children! : NoNodes;

    public ManifestNode KeyAt(int i) => _children![2 * i];

    public ManifestNode ValueAt(int i) => _children![(2 * i) + 1];

    /// <summary>The value under <paramref name="key"/> when this is a mapping holding it; otherwise null.</summary>
    public ManifestNode? Get(string key)
    {
        if (Kind != NodeKind.Mapping)
        {
            return null;
        }

        var i = IndexOf(key);
        return i < 0 ? null : _children![(2 * i) + 1];
    }

    /// <summary>The key node for <paramref name="key"/>, for pointing a finding at the field name.</summary>
    public ManifestNode? GetKey(string key)
    {
        if (Kind != NodeKind.Mapping)
        {
            return null;
        }

        var i = IndexOf(key);
        return i < 0 ? null : _children![2 * i];
    }

    /// <summary>Follows a dotted path of mapping keys (no escaping: keys containing dots need <see cref="Get"/>).</summary>
    public ManifestNode? At(string dottedPath)
    {
        ManifestNode? node = this;
        foreach (var part in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?.Get(part);
        }

        return node;
    }

    /// <summary>The scalar's text, or null for YAML null and collections.</summary>
    public string? AsString() => Kind == NodeKind.Scalar ? Value : null;

    /// <summary>
    /// A boolean the way Kubernetes' YAML decoder (YAML 1.1) reads it: plain true/false and yes/no/on/off/y/n in
    /// their usual casings. Quoted strings are not booleans.
    /// </summary>
    public bool? AsBool()
    {
        if (Kind != NodeKind.Scalar || !IsPlain || Value is null)
        {
            return null;
        }

        return Value switch
        {
            "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" => true,
            "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" => false,
            _ => null,
        };
    }

    /// <summary>An integer from a plain scalar (decimal, 0x hex, 0o or leading-zero octal); null otherwise.</summary>
    public long? AsLong()
    {
        if (Kind != NodeKind.Scalar || !IsPlain || Value is not { Length: > 0 } text)
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        long value;
        bool ok;
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = long.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (span.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || (span.Length > 1 && span[0] == '0'))
        {
            ok = TryParseOctal(span[0] == '0' && span.Length > 1 && (span[1] == 'o' || span[1] == 'O') ? span[2..] : span[1..], out value);
        }
        else
        {
            ok = long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        return ok ? (negative ? -value : value) : null;
    }

    /// <summary>The field path from the document root, e.g. <c>spec.containers[0].securityContext</c>.</summary>
    public string Path()
    {
        var parts = new List<string>();
        for (var node = this; node.Parent is { } parent; node = parent)
        {
            parts.Add(parent.Describe(node));
        }

        parts.Reverse();
        return string.Concat(parts).TrimStart('.');
    }

    /// <summary>Structural equality of two subtrees (positions ignored).</summary>
    public bool ContentEquals(ManifestNode other)
    {
        if (Kind != other.Kind || Count != other.Count)
        {
            return false;
        }

        if (Kind == NodeKind.Scalar)
        {
            return Value == other.Value;
        }

        for (var i = 0; i < Count; i++)
        {
            if (Kind == NodeKind.Mapping)
            {
                var theirs = other.Get(KeyAt(i).Value ?? "");
                if (theirs is null || !ValueAt(i).ContentEquals(theirs))
                {
                    return false;
                }
            }
            else if (!_children![i].ContentEquals(other._children![i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Kind switch
    {
        NodeKind.Scalar => Value ?? "null",
        NodeKind.Mapping => $"{{mapping of {Count}}}",
        _ => $"[sequence of {Count}]",
    };

    /// <summary>Adds a mapping entry; returns false when the key was already present (the new value replaces it).</summary>
    internal bool AddEntry(ManifestNode key, ManifestNode value)
    {
        var name = key.Value ?? "";
        var existing = IndexOf(name);
        Adopt(key);
        Adopt(value);
        if (existing >= 0)
        {
            _children![(2 * existing) + 1] = value;
            return false;
        }

        _children!.Add(key);
        _children.Add(value);
        var count = _children.Count / 2;
        if (_index is not null)
        {
            _index[name] = count - 1;
        }
        else if (count > IndexThreshold)
        {
            BuildIndex();
        }

        return true;
    }

    /// <summary>Adds an entry only when the key is absent (YAML merge keys); the caller has counted its weight.</summary>
    internal void AddIfAbsent(ManifestNode key, ManifestNode value)
    {
        if (IndexOf(key.Value ?? "") < 0)
        {
            AddEntry(key, value);
        }
    }

    internal void AddItem(ManifestNode item)
    {
        Adopt(item);
        _children!.Add(item);
    }

    /// <summary>
    /// Where <paramref name="child"/> sits here: its entry index in a mapping or item index in a sequence; -1 when it
    /// is not a direct child (an aliased node attached under another parent first).
    /// </summary>
    internal int IndexOfChild(ManifestNode child)
    {
        if (_children is not { } children)
        {
            return -1;
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (ReferenceEquals(children[i], child))
            {
                return Kind == NodeKind.Mapping ? i / 2 : i;
            }
        }

        return -1;
    }

    /// <summary>A node with this one's kind, text and position but no children (the start of a pruned copy).</summary>
    internal ManifestNode CopyEmpty() => new(Kind, Line, Column, Value, IsPlain);

    /// <summary>A copy of the whole subtree with its positions; the copy shares no node (and so no parent) with this one.</summary>
    internal ManifestNode DeepCopy()
    {
        var copy = CopyEmpty();
        for (var i = 0; i < Count; i++)
        {
            if (Kind == NodeKind.Mapping)
            {
                copy.AddEntry(KeyAt(i).CopyEmpty(), ValueAt(i).DeepCopy());
            }
            else
            {
                copy.AddItem(_children![i].DeepCopy());
            }
        }

        return copy;
    }

    /// <summary>Forgets the items of a sequence whose items were handed out one by one (a streamed <c>List</c>).</summary>
    internal void ClearItems() => _children?.Clear();

    /// <summary>How <paramref name="child"/> appears in a field path: <c>.key</c> or <c>[index]</c>.</summary>
    private string Describe(ManifestNode child)
    {
        var children = _children!;
        for (var i = 0; i < children.Count; i++)
        {
            if (!ReferenceEquals(children[i], child))
            {
                continue;
            }

            return Kind == NodeKind.Mapping
                ? "." + children[i - (i % 2)].Value
                : "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return "";
    }

    private void Adopt(ManifestNode child) => child.Parent ??= this;

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        var children = _children!;
        for (var i = 0; i < children.Count; i += 2)
        {
            if (string.Equals(children[i].Value, key, StringComparison.Ordinal))
            {
                return i / 2;
            }
        }

        return -1;
    }

    private void BuildIndex()
    {
        var count = _children!.Count / 2;
        _index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            _index[_children[2 * i].Value ?? ""] = i;
        }
    }

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '7' || value > long.MaxValue / 8)
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return true;
    }
}
