using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Custom;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.PodSecurity;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// Reads a scanner config file (<c>--config</c>) into <see cref="ScanOptions"/>. Every key is validated: an unknown
/// key, an unknown check id or an exemption without a reason is a problem reported back, never silently ignored.
/// <code>
/// kubernetesVersion: "1.30"
/// pss: restricted                # or baseline; omit for AutoShield's checks
/// minSeverity: low
/// checks: { enable: [low-user-id], disable: [cpu-limit-missing], only: [] }
/// trustedRegistries: [registry.example.com, ghcr.io/acme]
/// ignoreAnnotations: true
/// workloadKinds: [{ kind: Rollout, templatePath: spec.template }]
/// exemptions:
///   - { checks: [host-network], kind: DaemonSet, namespace: kube-system, name: "cilium*", reason: "CNI agent" }
/// customChecks:                # conditions in the policy condition language; see docs/scanner.md
///   - { id: custom-team-label, severity: low, title: "no team label", kinds: [Deployment], condition: "not metadata.labels.team exists" }
/// limits: { maxInputBytes: 67108864, maxDocumentChars: 8388608, maxDepth: 100, maxAliases: 10000, maxExpandedNodes: 2000000, maxDocuments: 100000 }
/// </code>
/// </summary>
public static class ScanConfig
{
    private static readonly HashSet<string> TopKeys = new(StringComparer.Ordinal)
    {
        "kubernetesVersion", "pss", "minSeverity", "checks", "trustedRegistries", "ignoreAnnotations", "workloadKinds", "exemptions", "limits", "customChecks",
    };

    /// <summary>Options from <paramref name="text"/> on top of <paramref name="baseOptions"/>; problems say what was wrong and where.</summary>
    public static ScanOptions Load(string text, string source, ScanOptions baseOptions, List<string> problems)
    {
        var documents = new List<YamlDocument>();
        YamlTreeReader.Read(text, source, ManifestLimits.Default, documents, e => problems.Add(e.ToString()));
        if (documents.Count == 0)
        {
            return baseOptions;
        }

        var root = documents[0].Root;
        if (!root.IsMapping)
        {
            problems.Add($"{source}:{root.Line}:{root.Column}: the config must be a mapping");
            return baseOptions;
        }

        var options = baseOptions;
        for (var i = 0; i < root.Count; i++)
        {
            var key = root.KeyAt(i);
            if (!TopKeys.Contains(key.Value ?? ""))
            {
                problems.Add($"{source}:{key.Line}:{key.Column}: unknown key \"{key.Value}\" (expected one of {string.Join(", ", TopKeys)})");
            }
        }

        void Problem(ManifestNode at, string message) => problems.Add($"{source}:{at.Line}:{at.Column}: {message}");

        // Custom checks join the registry first, so checks.enable, exemptions and ignore annotations can name them.
        if (root.Get("customChecks") is { } custom)
        {
            var extra = CustomCheckLoader.Load(custom, text, options.Registry, (_, line, column, message) => problems.Add($"{source}:{line}:{column}: {message}"));
            options = options with { Registry = options.Registry.With(extra) };
        }

        if (root.Get("kubernetesVersion") is { } v)
        {
            if (KubernetesVersion.TryParse(v.AsString(), out var version))
            {
                options = options with { KubernetesVersion = version };
            }
            else
            {
                Problem(v, $"kubernetesVersion \"{v.AsString()}\" is not 1.N, v1.N or latest");
            }
        }

        if (root.Get("pss") is { } pss)
        {
            if (TryParsePss(pss.AsString(), out var level))
            {
                options = options with { Pss = level };
            }
            else
            {
                Problem(pss, "pss must be baseline or restricted");
            }
        }

        if (root.Get("minSeverity") is { } min)
        {
            if (Enum.TryParse<Severity>(min.AsString(), ignoreCase: true, out var severity) && Enum.IsDefined(severity))
            {
                options = options with { MinSeverity = severity };
            }
            else
            {
                Problem(min, "minSeverity must be info, low, medium, high or critical");
            }
        }

        if (root.Get("checks") is { } checks)
        {
            options = options with
            {
                EnabledChecks = CheckIds(checks.Get("enable"), options, Problem),
                DisabledChecks = CheckIds(checks.Get("disable"), options, Problem),
                OnlyChecks = CheckIds(checks.Get("only"), options, Problem),
            };
        }

        if (root.Get("trustedRegistries") is { } registries)
        {
            options = options with { TrustedRegistries = Strings(registries) };
        }

        if (root.Get("ignoreAnnotations") is { } ignore)
        {
            options = options with { HonourIgnoreAnnotations = ignore.AsBool() ?? true };
        }

        if (root.Get("workloadKinds") is { } kinds)
        {
            var extra = kinds.Items.Select(k => KeyValuePair.Create(k.Get("kind")?.AsString() ?? "", k.Get("templatePath")?.AsString() ?? "")).ToList();
            foreach (var bad in kinds.Items.Where(k => string.IsNullOrEmpty(k.Get("kind")?.AsString()) || k.Get("templatePath") is null))
            {
                Problem(bad, "a workload kind needs kind and templatePath");
            }

            options = options with { WorkloadKinds = options.WorkloadKinds.With(extra.Where(e => e.Key.Length > 0)) };
        }

        if (root.Get("exemptions") is { } exemptions)
        {
            options = options with { Exemptions = Exemptions(exemptions, options, Problem) };
        }

        if (root.Get("limits") is { } limits)
        {
            options = options with { Limits = Limits(limits, options.Limits, Problem) };
        }

        return options;
    }

    public static bool TryParsePss(string? text, out PssLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !string.IsNullOrEmpty(text) && !char.IsDigit(text[0]);

    private static HashSet<string> CheckIds(ManifestNode? list, ScanOptions options, Action<ManifestNode, string> problem)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list?.Items ?? [])
        {
            var id = item.AsString() ?? "";
            if (!options.Registry.Contains(id))
            {
                problem(item, $"\"{id}\" is no check");
            }

            ids.Add(id);
        }

        return ids;
    }

    private static List<ScanExemption> Exemptions(ManifestNode list, ScanOptions options, Action<ManifestNode, string> problem)
    {
        var result = new List<ScanExemption>();
        foreach (var e in list.Items)
        {
            var reason = e.Get("reason")?.AsString();
            if (string.IsNullOrWhiteSpace(reason))
            {
                problem(e, "an exemption needs a reason");
                continue;
            }

            var ids = e.Get("checks") is { } c ? CheckIdsOrStar(c, options, problem) : ["*"];
            result.Add(new ScanExemption(ids, reason)
            {
                Kind = e.Get("kind")?.AsString(),
                Namespace = e.Get("namespace")?.AsString(),
                Name = e.Get("name")?.AsString(),
                Container = e.Get("container")?.AsString(),
                Source = e.Get("file")?.AsString(),
            });
        }

        return result;
    }

    private static List<string> CheckIdsOrStar(ManifestNode list, ScanOptions options, Action<ManifestNode, string> problem)
    {
        var ids = Strings(list);
        foreach (var item in list.Items.Where(i => i.AsString() != "*" && !options.Registry.Contains(i.AsString() ?? "")))
        {
            problem(item, $"\"{item.AsString()}\" is no check");
        }

        return ids;
    }

    private static ManifestLimits Limits(ManifestNode node, ManifestLimits limits, Action<ManifestNode, string> problem)
    {
        long Get(string key, long current)
        {
            if (node.Get(key) is not { } value)
            {
                return current;
            }

            if (value.AsLong() is { } n && n > 0)
            {
                return n;
            }

            problem(value, $"limits.{key} must be a positive integer");
            return current;
        }

        return limits with
        {
            MaxInputBytes = Get("maxInputBytes", limits.MaxInputBytes),
            MaxDocumentChars = Get("maxDocumentChars", limits.MaxDocumentChars),
            MaxDepth = (int)Math.Min(int.MaxValue, Get("maxDepth", limits.MaxDepth)),
            MaxAliases = (int)Math.Min(int.MaxValue, Get("maxAliases", limits.MaxAliases)),
            MaxExpandedNodes = Get("maxExpandedNodes", limits.MaxExpandedNodes),
            MaxDocuments = (int)Math.Min(int.MaxValue, Get("maxDocuments", limits.MaxDocuments)),
        };
    }

    private static List<string> Strings(ManifestNode list) =>
        list.IsSequence ? list.Items.Select(i => i.AsString() ?? "").ToList() : [list.AsString() ?? ""];
}
