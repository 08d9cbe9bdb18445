using System.Collections.Concurrent;

namespace AutoShield.Kubernetes.Fake.Auth;

/// <summary>
/// Authentication and authorization of the fake: bearer tokens mapped to users, and RBAC rules per user or group.
/// Until <see cref="EnforceRbac"/> is set every authenticated request is allowed, as with a cluster-admin binding.
/// </summary>
public sealed class FakeAccessControl
{
    private readonly ConcurrentDictionary<string, FakeUser> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<RbacRule>> _rules = new(StringComparer.Ordinal);

    /// <summary>When set, a request needs a token or certificate; anonymous requests get 401.</summary>
    public bool RequireAuthentication { get; set; }

    /// <summary>When set, a verb is allowed only by a rule granted to the user or one of its groups; the rest get 403.</summary>
    public bool EnforceRbac { get; set; }

    public void AddToken(string token, string user, params string[] groups) => _tokens[token] = new FakeUser(user, groups);

    public void RemoveToken(string token) => _tokens.TryRemove(token, out _);

    /// <summary>Grants a rule to a user name or a group name (as a RoleBinding subject would).</summary>
    public void Grant(string subject, RbacRule rule)
    {
        var list = _rules.GetOrAdd(subject, _ => []);
        lock (list)
        {
            list.Add(rule);
        }
    }

    /// <summary>Grants <paramref name="verbs"/> on <paramref name="resource"/> of <paramref name="group"/>, optionally in one namespace.</summary>
    public void Grant(string subject, string group, string resource, string[] verbs, string? inNamespace = null) =>
        Grant(subject, new RbacRule([group], [resource], verbs) { Namespaces = inNamespace is null ? null : [inNamespace] });

    public void RevokeAll(string subject) => _rules.TryRemove(subject, out _);

    internal FakeUser? UserForToken(string token) => _tokens.GetValueOrDefault(token);

    internal bool Allows(FakeUser user, string verb, string group, string resource, string? subresource, string? ns, string? name)
    {
        if (!EnforceRbac)
        {
            return true;
        }

        foreach (var subject in user.Groups.Prepend(user.Name))
        {
            if (_rules.TryGetValue(subject, out var list))
            {
                lock (list)
                {
                    if (list.Exists(r => r.Allows(verb, group, resource, subresource, ns, name)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
