using AutoShield.Core.Detections;

namespace AutoShield.Policy.Rules;

/// <summary>
/// The rules in force: files merged in order, a later file's rule replacing an earlier one of the same name in place.
/// Rules are indexed by class so a decision reads only the rules that can match.
/// </summary>
public sealed class PolicySet
{
    private static readonly PolicyRule[] None = [];
    private readonly Dictionary<string, PolicyRule[]> _byClass;

    public PolicySet(IReadOnlyList<PolicyRule> rules, IReadOnlyList<string> files, string version)
    {
        Rules = rules;
        Files = files;
        Version = version;
        _byClass = rules.Where(r => r.Enabled)
            .GroupBy(r => r.AttackClass, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        CustomRules = _byClass.GetValueOrDefault(AttackClass.CustomAttack) ?? None;
    }

    public static PolicySet Empty { get; } = new([], [], "empty");

    public IReadOnlyList<PolicyRule> Rules { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>Identifies the content (a hash of the files' text), so status and audit can say which policy decided.</summary>
    public string Version { get; }

    /// <summary>Enabled rules whose class is CUSTOM_ATTACK: they run on every detection.</summary>
    public IReadOnlyList<PolicyRule> CustomRules { get; }

    /// <summary>Enabled rules for exactly this class.</summary>
    public IReadOnlyList<PolicyRule> RulesFor(string attackClass) => _byClass.GetValueOrDefault(attackClass) ?? None;

    /// <summary>Merges documents in order; a later rule with an existing name takes that rule's place.</summary>
    public static PolicySet Merge(IReadOnlyList<PolicyDocument> documents, string version)
    {
        var rules = new List<PolicyRule>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in documents.SelectMany(d => d.Rules))
        {
            if (index.TryGetValue(rule.Name, out var at))
            {
                rules[at] = rule;
            }
            else
            {
                index[rule.Name] = rules.Count;
                rules.Add(rule);
            }
        }

        return new PolicySet(rules, [.. documents.Select(d => d.File)], version);
    }
}
