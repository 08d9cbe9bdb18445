using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Scanning.Ignores;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// One scan, fed document by document (and List item by List item): each object's own checks run as soon as it is
/// read, then its tree is dropped and only a pruned copy (<see cref="CorpusCopy"/>) waits for the cross-object
/// checks. The live heap is one document plus what the report needs, so the cost stays linear in the input.
/// </summary>
internal sealed class ScanRun : IDocumentSink
{
    private static readonly HashSet<string> CorpusKinds = new(StringComparer.Ordinal)
    {
        "NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "ServiceAccount", "Namespace",
    };

    private readonly ScanOptions _options;
    private readonly List<ICheck> _active;
    private readonly Dictionary<string, List<IObjectCheck>> _byKind;
    private readonly List<IObjectCheck> _anyKind;
    private readonly FindingSink _sink;
    private readonly List<Finding> _raw = [];
    private readonly List<ScanError> _errors = [];
    private readonly List<ScanError> _objectErrors = [];
    private readonly List<ScanNotice> _kindNotices = [];
    private readonly List<ScanNotice> _ignoreNotices = [];
    private readonly List<ManifestObject> _objects = [];
    private readonly List<(string Source, int First, int Count, int Errors)> _files = [];
    private readonly HashSet<(string, string)> _reportedKinds = [];
    private readonly Dictionary<(string Source, ObjectRef Ref), Dictionary<string, string>> _ignores = [];
    private readonly Action<ManifestObject> _onObject;
    private readonly Action<ScanError> _onObjectError;
    private readonly bool _anyCorpusCheck;

    // What the last finished document left behind, so a document the fast reader gave up on part way (after it had
    // streamed some List items) can be forgotten before YamlDotNet reads it again.
    private Checkpoint _checkpoint;
    private readonly List<(string, string)> _kindsSinceCheckpoint = [];
    private readonly List<(string, ObjectRef)> _ignoresSinceCheckpoint = [];
    private string _source = "";

    public ScanRun(ScanOptions options)
    {
        _options = options;
        _active = options.Registry.All.Where(c => options.IsActive(c.Definition)).ToList();
        _byKind = IndexByKind(_active.OfType<IObjectCheck>(), options.WorkloadKinds, out _anyKind);
        _sink = new FindingSink(options, _raw);
        _onObject = Process;
        _onObjectError = _objectErrors.Add;
        _anyCorpusCheck = _active.OfType<ICorpusCheck>().Any();
    }

    public bool StreamsListItems => true;

    public void Read(ManifestInput input)
    {
        _source = input.Source;
        var first = _objects.Count;
        var errorsBefore = _errors.Count;
        ReadInput(input);

        // Object errors follow the input's parse errors, as when whole inputs were parsed first.
        _errors.AddRange(_objectErrors);
        _objectErrors.Clear();
        _files.Add((input.Source, first, _objects.Count - first, _errors.Count - errorsBefore));
    }

    public void Document(YamlDocument document)
    {
        ObjectReader.Read(_source, document, _options.WorkloadKinds, _onObject, _onObjectError);
        Mark();
    }

    public void ListItem(int documentIndex, string? templateSource, ManifestNode item, int itemIndex) =>
        ObjectReader.ReadItem(_source, documentIndex, templateSource, item, itemIndex, _options.WorkloadKinds, _onObject, _onObjectError);

    public void DiscardUnfinishedDocument()
    {
        var c = _checkpoint;
        _raw.RemoveRange(c.Findings, _raw.Count - c.Findings);
        _objects.RemoveRange(c.Objects, _objects.Count - c.Objects);
        _objectErrors.RemoveRange(c.ObjectErrors, _objectErrors.Count - c.ObjectErrors);
        _kindNotices.RemoveRange(c.KindNotices, _kindNotices.Count - c.KindNotices);
        _ignoreNotices.RemoveRange(c.IgnoreNotices, _ignoreNotices.Count - c.IgnoreNotices);
        foreach (var kind in _kindsSinceCheckpoint)
        {
            _reportedKinds.Remove(kind);
        }

        foreach (var key in _ignoresSinceCheckpoint)
        {
            _ignores.Remove(key);
        }

        Mark();
    }

    public ScanReport Finish()
    {
        var corpus = new ManifestCorpus(_objects);
        foreach (var check in _active.OfType<ICorpusCheck>())
        {
            _sink.Current = check.Definition;
            check.Evaluate(corpus, _sink);
        }

        var (findings, suppressed) = ApplyIgnores();
        findings.Sort(FindingOrder);
        var notices = new List<ScanNotice>(_kindNotices.Count + _ignoreNotices.Count);
        notices.AddRange(_kindNotices);
        notices.AddRange(_ignoreNotices);
        return ReportBuilder.Build(_options, findings, suppressed, _errors, notices, _objects, _files, _active);
    }

    private void ReadInput(ManifestInput input)
    {
        var limits = _options.Limits;
        if (input.Content.Length > limits.MaxInputBytes)
        {
            _errors.Add(new ScanError(input.Source, 0, 0, $"input larger than the limit of {limits.MaxInputBytes} bytes; not scanned"));
            return;
        }

        if (!ManifestDecoder.TryDecode(input.Content.Span, out var text, out var error))
        {
            _errors.Add(new ScanError(input.Source, 0, 0, error));
            return;
        }

        Mark();
        YamlTreeReader.Read(text, input.Source, limits, this, _errors.Add);
    }

    /// <summary>Runs the object's own checks, reads its ignore annotations, and keeps only its pruned copy.</summary>
    private void Process(ManifestObject obj)
    {
        var applicable = _byKind.TryGetValue(obj.Kind, out var list) ? list : null;
        if (applicable is null && !CorpusKinds.Contains(obj.Kind) && _reportedKinds.Add((obj.Source, obj.Kind)))
        {
            _kindsSinceCheckpoint.Add((obj.Source, obj.Kind));
            _kindNotices.Add(new ScanNotice(obj.Source, obj.Line, obj.Column, $"kind {obj.Kind} ({obj.ApiVersion}) is not a supported kind: only its apiVersion is checked"));
        }

        Run(applicable, obj);
        Run(_anyKind, obj);
        if (_options.HonourIgnoreAnnotations)
        {
            var ignored = IgnoreAnnotations.Read(obj, _options.Registry, _ignoreNotices);
            if (ignored.Count > 0)
            {
                _ignores[(obj.Source, obj.Ref)] = ignored;
                _ignoresSinceCheckpoint.Add((obj.Source, obj.Ref));
            }
        }

        _objects.Add(_anyCorpusCheck ? CorpusCopy.Prune(obj) : obj.WithPrunedRoot(obj.Root.CopyEmpty()));
    }

    private void Run(List<IObjectCheck>? checks, ManifestObject obj)
    {
        if (checks is null)
        {
            return;
        }

        foreach (var check in checks)
        {
            _sink.Current = check.Definition;
            check.Evaluate(obj, _sink);
        }
    }

    private void Mark()
    {
        _checkpoint = new Checkpoint(_raw.Count, _objects.Count, _objectErrors.Count, _kindNotices.Count, _ignoreNotices.Count);
        _kindsSinceCheckpoint.Clear();
        _ignoresSinceCheckpoint.Clear();
    }

    private (List<Finding> Findings, List<SuppressedFinding> Suppressed) ApplyIgnores()
    {
        var kept = new List<Finding>(_raw.Count);
        var suppressed = new List<SuppressedFinding>();
        foreach (var finding in _raw)
        {
            if (_ignores.Count > 0
                && _ignores.TryGetValue((finding.Source, finding.Object), out var ignored)
                && (ignored.TryGetValue(finding.CheckId, out var reason) || ignored.TryGetValue("*", out reason)))
            {
                suppressed.Add(new SuppressedFinding(finding, "annotation", reason));
            }
            else if (_options.Exemptions.Count > 0 && _options.Exemptions.FirstOrDefault(e => e.Matches(finding)) is { } exemption)
            {
                suppressed.Add(new SuppressedFinding(finding, "config", exemption.Reason));
            }
            else
            {
                kept.Add(finding);
            }
        }

        return (kept, suppressed);
    }

    private static int FindingOrder(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Source, b.Source);
        c = c != 0 ? c : a.Line.CompareTo(b.Line);
        c = c != 0 ? c : a.Column.CompareTo(b.Column);
        return c != 0 ? c : string.CompareOrdinal(a.CheckId, b.CheckId);
    }

    private static Dictionary<string, List<IObjectCheck>> IndexByKind(IEnumerable<IObjectCheck> checks, WorkloadKinds workloadKinds, out List<IObjectCheck> anyKind)
    {
        var byKind = new Dictionary<string, List<IObjectCheck>>(StringComparer.Ordinal);
        anyKind = [];
        foreach (var check in checks)
        {
            foreach (var kind in check.Definition.Kinds)
            {
                if (kind == "*")
                {
                    anyKind.Add(check);
                    continue;
                }

                foreach (var k in kind == CheckKinds.WorkloadMarker ? workloadKinds.Kinds : [kind])
                {
                    if (!byKind.TryGetValue(k, out var list))
                    {
                        byKind[k] = list = [];
                    }

                    list.Add(check);
                }
            }
        }

        return byKind;
    }

    /// <summary>List lengths after the last finished document.</summary>
    private readonly record struct Checkpoint(int Findings, int Objects, int ObjectErrors, int KindNotices, int IgnoreNotices);
}
