using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Scanning;

/// <summary>The report of a scan: findings and their objects' scores, per-file summaries, the checks that ran.</summary>
internal static class ReportBuilder
{
    public static ScanReport Build(ScanOptions options, List<Finding> findings, List<SuppressedFinding> suppressed, List<ScanError> errors, List<ScanNotice> notices, List<ManifestObject> objects, List<(string Source, int First, int Count, int Errors)> files, List<ICheck> active)
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
