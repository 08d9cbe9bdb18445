using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Yaml;
using AutoShield.Policy.Conditions;

namespace AutoShield.Manifests.Custom;

/// <summary>
/// Reads the <c>customChecks:</c> list of a scan config into checks. Every problem (a missing or colliding id, an
/// unknown key, a condition that does not compile) is reported at its line and column, and that check is skipped.
/// </summary>
public static class CustomCheckLoader
{
    /// <summary>Where custom checks point for more reading when the config gives no <c>url</c>.</summary>
    public const string DefaultUrl = "https://kubernetes.io/docs/concepts/security/";

    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "id", "severity", "title", "description", "remediation", "kinds", "scope", "condition", "url",
    };

    /// <summary>The checks of <paramref name="list"/>; <paramref name="text"/> is the config text, for error columns.</summary>
    public static List<ICheck> Load(ManifestNode list, string text, CheckRegistry existing, Action<ManifestNode, int, int, string> problem)
    {
        var checks = new List<ICheck>();
        if (!list.IsSequence)
        {
            problem(list, list.Line, list.Column, "customChecks must be a list of checks");
            return checks;
        }

        var lines = text.Split('\n');
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (Read(item, lines, existing, ids, problem) is { } check)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    private static CustomCheck? Read(ManifestNode item, string[] lines, CheckRegistry existing, HashSet<string> ids, Action<ManifestNode, int, int, string> problem)
    {
        void At(ManifestNode node, string message) => problem(node, node.Line, node.Column, message);

        if (!item.IsMapping)
        {
            At(item, "a custom check must be a mapping with id, title, condition, ...");
            return null;
        }

        var ok = true;
        for (var i = 0; i < item.Count; i++)
        {
            var key = item.KeyAt(i);
            if (!Keys.Contains(key.Value ?? ""))
            {
                At(key, $"unknown key \"{key.Value}\" in a custom check (expected one of {string.Join(", ", Keys)})");
                ok = false;
            }
        }

        var idNode = item.Get("id");
        var id = idNode?.AsString();
        if (idNode is null || string.IsNullOrWhiteSpace(id))
        {
            At(idNode ?? item, "a custom check needs an id");
            ok = false;
        }
        else if (existing.Contains(id))
        {
            At(idNode, $"custom check id \"{id}\" collides with a built-in check; prefix it, e.g. custom-{id}");
            ok = false;
        }
        else if (!ids.Add(id))
        {
            At(idNode, $"duplicate custom check id \"{id}\"");
            ok = false;
        }

        var severity = Severity.Medium;
        if (item.Get("severity") is { } severityNode
            && !(Enum.TryParse(severityNode.AsString(), ignoreCase: true, out severity) && Enum.IsDefined(severity) && !char.IsDigit(severityNode.AsString()![0])))
        {
            At(severityNode, "severity must be info, low, medium, high or critical");
            ok = false;
        }

        var scope = CustomCheckScope.Object;
        if (item.Get("scope") is { } scopeNode)
        {
            switch (scopeNode.AsString())
            {
                case "object":
                    break;
                case "container":
                    scope = CustomCheckScope.Container;
                    break;
                default:
                    At(scopeNode, "scope must be object or container");
                    ok = false;
                    break;
            }
        }

        var title = item.Get("title")?.AsString();
        if (string.IsNullOrWhiteSpace(title))
        {
            At(item.Get("title") ?? item, "a custom check needs a title (the finding's message)");
            ok = false;
        }

        var conditionNode = item.Get("condition");
        var conditionText = conditionNode?.AsString();
        CompiledCondition<CustomCheckContext>? condition = null;
        if (conditionNode is null || string.IsNullOrWhiteSpace(conditionText))
        {
            At(conditionNode ?? item, "a custom check needs a condition");
            ok = false;
        }
        else if (!TryCompile(conditionText, scope, out condition, out var error))
        {
            var (line, column) = ConditionPosition.InFile(lines, conditionNode, error);
            problem(conditionNode, line, column, $"condition of {id}: {error.Message}");
            ok = false;
        }

        var kindsNode = item.Get("kinds");
        IReadOnlyList<string> kinds = kindsNode is null
            ? CheckKinds.Workloads
            : (kindsNode.IsSequence ? kindsNode.Items : [kindsNode]).Select(k => Kind(k.AsString() ?? "")).ToList();
        if (kinds.Count == 0 || kinds.Any(k => k.Length == 0))
        {
            At(kindsNode ?? item, "kinds must name object kinds (Deployment, Service, ...), workloads or *");
            ok = false;
        }

        if (!ok || condition is null)
        {
            return null;
        }

        var definition = new CheckDefinition
        {
            Id = id!,
            Title = title!,
            Severity = severity,
            Category = "custom",
            Description = item.Get("description")?.AsString() ?? title!,
            Remediation = item.Get("remediation")?.AsString() ?? $"Change the object so that this no longer holds: {conditionText}",
            Kinds = kinds,
            Url = item.Get("url")?.AsString() ?? DefaultUrl,
            Profile = CheckProfile.Custom,
        };
        var problems = definition.Validate().ToList();
        foreach (var p in problems)
        {
            At(item, p);
        }

        return problems.Count == 0 ? new CustomCheck(definition, scope, condition) : null;
    }

    private static bool TryCompile(string text, CustomCheckScope scope, out CompiledCondition<CustomCheckContext>? condition, out ConditionError error)
    {
        condition = null;
        try
        {
            var binder = new ManifestFieldBinder(scope, ManifestFieldBinder.NumberFields(ConditionParser.Parse(text)));
            if (ConditionCompiler<CustomCheckContext>.TryCompile(text, binder, out condition, out var compileError))
            {
                error = null!;
                return true;
            }

            error = compileError!;
            return false;
        }
        catch (ConditionException ex)
        {
            error = ex.Error;
            return false;
        }
    }

    private static string Kind(string kind) => kind switch
    {
        "workloads" or CheckKinds.WorkloadMarker => CheckKinds.WorkloadMarker,
        _ => kind,
    };
}
