using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Scanning.Ignores;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// The scanner's entry point for the CLI, the REST endpoint and the dashboard upload: inputs and options in, a
/// <see cref="ScanReport"/> out. Bad input never throws; it becomes a <see cref="ScanError"/> and the scan goes on.
/// </summary>
public static class ManifestScanner
{
    private static readonly HashSet<string> CorpusKinds = new(StringComparer.Ordinal)
    {
        "NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "ServiceAccount", "Namespace",
    };

    /// <summary>Scans YAML or JSON text, such as an upload's body.</summary>
    public static ScanReport ScanText(string text, string source, ScanOptions? options = null) =>
        Scan([ManifestInput.FromText(source, text)], options ?? ScanOptions.Default);

    public static ScanReport Scan(IEnumerable<ManifestInput> inputs, ScanOptions options)
    {
        var errors = new List<ScanError>();
        var notices = new List<ScanNotice>();
        var objects = new List<ManifestObject>();
        var fileObjects = new List<(string Source, int First, int Count, int Errors)>();
        foreach (var input in inputs)
        {
            var first = objects.Count;
            var errorsBefore = errors.Count;
            Read(input, options, objects, errors);
            fileObjects.Add((input.Source, first, objects.Count - first, errors.Count - errorsBefore));
        }

        var active = options.Registry.All.Where(c => options.IsActive(c.Definition)).ToList();
        var raw = new List<Finding>();
        var sink = new FindingSink(options, raw);
        var byKind = IndexByKind(active.OfType<IObjectCheck>(), options.WorkloadKinds, out var anyKind);
        var reportedKinds = new HashSet<(string, string)>();
        foreach (var obj in objects)
        {
            var applicable = byKind.TryGetValue(obj.Kind, out var list) ? list : null;
            if (applicable is null && !CorpusKinds.Contains(obj.Kind) && reportedKinds.Add((obj.Source, obj.Kind)))
            {
                notices.Add(new ScanNotice(obj.Source, obj.Line, obj.Column, $"kind {obj.Kind} ({obj.ApiVersion}) is not a supported kind: only its apiVersion is checked"));
            }

            Run(applicable, obj, sink);
            Run(anyKind, obj, sink);
        }

        var corpus = new ManifestCorpus(objects);
        foreach (var check in active.OfType<ICorpusCheck>())
        {
            sink.Current = check.Definition;
            check.Evaluate(corpus, sink);
        }

        var (findings, suppressed) = ApplyIgnores(raw, objects, options, notices);
        findings.Sort(FindingOrder);
        return BuildReport(options, findings, suppressed, errors, notices, objects, fileObjects, active);
    }

    private static void Read(ManifestInput input, ScanOptions options, List<ManifestObject> objects, List<ScanError> errors)
    {
        var limits = options.Limits;
        if (input.Content.Length > limits.MaxInputBytes)
        {
            errors.Add(new ScanError(input.Source, 0, 0, $"input larger than the limit of {limits.MaxInputBytes} bytes; not scanned"));
            return;
        }

        if (!ManifestDecoder.TryDecode(input.Content.Span, out var text, out var error))
        {
            errors.Add(new ScanError(input.Source, 0, 0, error));
            return;
        }

        var documents = new List<YamlDocument>();
        YamlTreeReader.Read(text, input.Source, limits, documents, errors.Add);
        foreach (var document in documents)
        {
            ObjectReader.Read(input.Source, document, options.WorkloadKinds, objects, errors.Add);
        }
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

    private static void Run(List<IObjectCheck>? checks, ManifestObject obj, FindingSink sink)
    {
        if (checks is null)
        {
            return;
        }

        foreach (var check in checks)
        {
            sink.Current = check.Definition;
            check.Evaluate(obj, sink);
        }
    }

    private static (List<Finding> Findings, List<SuppressedFinding> Suppressed) ApplyIgnores(List<Finding> raw, List<ManifestObject> objects, ScanOptions options, List<ScanNotice> notices)
    {
        var ignores = new Dictionary<(string Source, ObjectRef Ref), Dictionary<string, string>>();
        if (options.HonourIgnoreAnnotations)
        {
            foreach (var obj in objects)
            {
                var ignored = IgnoreAnnotations.Read(obj, options.Registry, notices);
                if (ignored.Count > 0)
                {
                    ignores[(obj.Source, obj.Ref)] = ignored;
                }
            }
        }

        var kept = new List<Finding>(raw.Count);
        var suppressed = new List<SuppressedFinding>();
        foreach (var finding in raw)
        {
            if (ignores.TryGetValue((finding.Source, finding.Object), out var ignored)
                && (ignored.TryGetValue(finding.CheckId, out var reason) || ignored.TryGetValue("*", out reason)))
            {
                suppressed.Add(new SuppressedFinding(finding, "annotation", reason));
            }
            else if (options.Exemptions.Count > 0 && options.Exemptions.FirstOrDefault(e => e.Matches(finding)) is { } exemption)
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

    private static ScanReport BuildReport(ScanOptions options, List<Finding> findings, List<SuppressedFinding> suppressed, List<ScanError> errors, List<ScanNotice> notices, List<ManifestObject> objects, List<(string Source, int First, int Count, int Errors)> files, List<ICheck> active)
    {
        var byObject = new Dictionary<(string Source, ObjectRef Object), List<Finding>>();
        foreach (var finding in findings)
        {
            var key = (finding.Source, finding.Object);
            if (!byObject.TryGetValue(key, out var own))
            {
                byObject[key] = own = [];
            }

            own.Add(finding);
        }

        var summaries = new List<ObjectSummary>(objects.Count);
        foreach (var obj in objects)
        {
            var own = byObject.TryGetValue((obj.Source, obj.Ref), out var list) ? list : [];
            var score = Scoring.Score(own.Select(f => f.Check));
            summaries.Add(new ObjectSummary(obj.Ref, obj.ApiVersion, obj.Source, obj.Line, obj.Column, score, Scoring.Grade(score), own.Count) { TemplateSource = obj.TemplateSource });
        }

        var fileSummaries = files.Select(file =>
        {
            var scores = summaries.Skip(file.First).Take(file.Count).ToList();
            int? lowest = scores.Count == 0 ? null : scores.Min(s => s.Score);
            var grade = file.Errors > 0 ? "F" : lowest is { } l ? Scoring.Grade(l) : "-";
            return new FileSummary(file.Source, file.Count, scores.Sum(s => s.Findings), file.Errors, lowest, grade);
        }).ToList();

        return new ScanReport
        {
            Findings = findings,
            Suppressed = suppressed,
            Errors = errors,
            Notices = notices,
            Objects = summaries,
            Files = fileSummaries,
            ChecksRun = active.Select(c => c.Definition).OrderBy(d => d.Id, StringComparer.Ordinal).ToList(),
            KubernetesVersion = options.KubernetesVersion,
            Pss = options.Pss,
        };
    }
}
