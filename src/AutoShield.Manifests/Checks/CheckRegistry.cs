namespace AutoShield.Manifests.Checks;

/// <summary>
/// The checks a scan can run, keyed by id. Definitions are validated when the registry is built, so a check with a
/// missing field or a duplicate id fails at load, not in the middle of a scan. Custom checks join through
/// <see cref="With"/>.
/// </summary>
public sealed class CheckRegistry
{
    private readonly Dictionary<string, ICheck> _checks = new(StringComparer.Ordinal);

    public CheckRegistry(IEnumerable<ICheck> checks)
    {
        var problems = new List<string>();
        foreach (var check in checks)
        {
            if (check is not IObjectCheck and not ICorpusCheck)
            {
                problems.Add($"{check.Definition.Id}: a check must implement IObjectCheck or ICorpusCheck");
            }

            problems.AddRange(check.Definition.Validate());
            if (!_checks.TryAdd(check.Definition.Id, check))
            {
                problems.Add($"duplicate check id \"{check.Definition.Id}\"");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid checks: " + string.Join("; ", problems), nameof(checks));
        }
    }

    /// <summary>AutoShield's built-in checks and the Pod Security Standards checks.</summary>
    public static CheckRegistry BuiltIn { get; } = new(BuiltInChecks.All());

    public IReadOnlyCollection<ICheck> All => _checks.Values;

    public bool TryGet(string id, out ICheck check) => _checks.TryGetValue(id, out check!);

    public bool Contains(string id) => _checks.ContainsKey(id);

    /// <summary>A new registry with <paramref name="extra"/> checks added (ids must stay unique).</summary>
    public CheckRegistry With(params IEnumerable<ICheck> extra) => new(_checks.Values.Concat(extra));
}
