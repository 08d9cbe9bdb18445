namespace AutoShield.Kubernetes.Fake.Resources;

/// <summary>The resources the fake serves; <see cref="Register"/> adds one in a line.</summary>
public sealed class FakeResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly List<FakeResourceKind> _kinds = [];

    public IReadOnlyList<FakeResourceKind> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _kinds];
            }
        }
    }

    /// <summary>Adds (or replaces) a kind.</summary>
    public FakeResourceKind Register(FakeResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        lock (_gate)
        {
            _kinds.RemoveAll(k => k.Group == kind.Group && k.Version == kind.Version && k.Plural == kind.Plural);
            _kinds.Add(kind);
        }

        return kind;
    }

    /// <summary>Adds a custom resource (no strategic merge, status subresource) in one line.</summary>
    public FakeResourceKind RegisterCustom(string group, string version, string plural, string kind, bool namespaced = true, params string[] requiredFields) =>
        Register(new FakeResourceKind(group, version, plural, kind, namespaced)
        {
            RequiredFields = requiredFields,
            HasStatus = true,
            StrategicMerge = false,
        });

    public FakeResourceKind? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _kinds.Find(k => k.Group == group && k.Version == version && k.Plural == plural);
        }
    }

    public FakeResourceKind? FindByKind(string apiVersion, string kind)
    {
        lock (_gate)
        {
            return _kinds.Find(k => k.ApiVersion == apiVersion && k.Kind == kind);
        }
    }

    /// <summary>A registry with the kinds AutoShield reads and writes.</summary>
    public static FakeResourceRegistry WithBuiltIns()
    {
        var registry = new FakeResourceRegistry();
        foreach (var kind in BuiltInKinds.All())
        {
            registry.Register(kind);
        }

        return registry;
    }
}
