using System.Diagnostics.CodeAnalysis;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Yaml;
using AutoShield.Policy.Conditions;

namespace AutoShield.Manifests.Custom;

/// <summary>
/// Binds the condition language's field paths to a Kubernetes object (and, in container scope, one container).
/// Generic YAML paths (<c>spec.*</c>, <c>pod.*</c>, <c>container.*</c>) read as numbers when the condition compares
/// them with a number (<paramref name="numberFields"/>, found by <see cref="NumberFields"/>) and as text otherwise.
/// Booleans read as the text "true" / "false", since the condition language has no boolean literal.
/// </summary>
public sealed class ManifestFieldBinder(CustomCheckScope scope, IReadOnlySet<string>? numberFields = null) : IFieldBinder<CustomCheckContext>
{
    private const string Fields =
        "kind, apiVersion, metadata.name, metadata.namespace, metadata.labels.<key>, metadata.annotations.<key>, spec.<path>, pod.<path>"
        + "; in container scope also container.name, container.image, container.type, container.<path>, securityContext.<field>";

    private static readonly Dictionary<string, Func<EffectiveSecurityContext, string?>> SecurityText = new(StringComparer.Ordinal)
    {
        ["runAsNonRoot"] = e => Bool(e.RunAsNonRoot),
        ["privileged"] = e => Bool(e.Privileged),
        ["allowPrivilegeEscalation"] = e => Bool(e.AllowPrivilegeEscalation),
        ["readOnlyRootFilesystem"] = e => Bool(e.ReadOnlyRootFilesystem),
        ["windowsOptions.hostProcess"] = e => Bool(e.WindowsHostProcess),
        ["procMount"] = e => e.ProcMount?.Value,
        ["seccompProfile.type"] = e => e.Seccomp?.Value,
        ["appArmorProfile.type"] = e => e.AppArmor?.Value,
        ["capabilities.add"] = e => Capabilities(e.CapabilitiesAdd),
        ["capabilities.drop"] = e => Capabilities(e.CapabilitiesDrop),
    };

    private static readonly Dictionary<string, Func<EffectiveSecurityContext, double>> SecurityNumber = new(StringComparer.Ordinal)
    {
        ["runAsUser"] = e => e.RunAsUser is { } s ? s.Value : double.NaN,
        ["runAsGroup"] = e => e.RunAsGroup is { } s ? s.Value : double.NaN,
    };

    private readonly IReadOnlySet<string> _numberFields = numberFields ?? new HashSet<string>(StringComparer.Ordinal);

    public CustomCheckScope Scope { get; } = scope;

    public bool TryBind(string path, [NotNullWhen(true)] out FieldAccessor<CustomCheckContext>? accessor, [NotNullWhen(false)] out string? error)
    {
        accessor = path switch
        {
            "kind" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Object.Kind),
            "apiVersion" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Object.ApiVersion),
            "metadata.name" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Object.Name),
            "metadata.namespace" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Object.Namespace),
            _ => null,
        };
        error = null;
        if (accessor is not null)
        {
            return true;
        }

        if (TryKey(path, "metadata.labels.", out var label))
        {
            accessor = FieldAccessor<CustomCheckContext>.ForText(path, c => NodePath.Text(c.Object.Labels?.Get(label)));
        }
        else if (TryKey(path, "metadata.annotations.", out var annotation))
        {
            accessor = FieldAccessor<CustomCheckContext>.ForText(path, c => NodePath.Text(c.Object.Annotations?.Get(annotation)));
        }
        else if (TryKey(path, "spec.", out var spec))
        {
            accessor = Generic(path, spec, c => c.Object.Spec);
        }
        else if (TryKey(path, "pod.", out var pod))
        {
            accessor = Generic(path, pod, c => c.Object.PodSpec?.Spec);
        }
        else if (path.StartsWith("container.", StringComparison.Ordinal) || path.StartsWith("securityContext.", StringComparison.Ordinal))
        {
            return BindContainer(path, out accessor, out error);
        }

        if (accessor is null)
        {
            error = $"unknown field '{path}': expected {Fields}";
            return false;
        }

        return true;
    }

    /// <summary>The fields <paramref name="root"/> compares with numbers (ordering, between, or a number literal).</summary>
    public static HashSet<string> NumberFields(ConditionNode root)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, fields);
        return fields;
    }

    private static void Visit(ConditionNode node, HashSet<string> fields)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var operand in and.Operands)
                {
                    Visit(operand, fields);
                }

                break;
            case OrNode or:
                foreach (var operand in or.Operands)
                {
                    Visit(operand, fields);
                }

                break;
            case NotNode not:
                Visit(not.Operand, fields);
                break;
            case ComparisonNode c when c.Value.IsNumber || c.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual):
                fields.Add(c.Field.Path);
                break;
            case BetweenNode b:
                fields.Add(b.Field.Path);
                break;
            case InNode i when i.Values.Any(v => v.IsNumber):
                fields.Add(i.Field.Path);
                break;
        }
    }

    private bool BindContainer(string path, out FieldAccessor<CustomCheckContext>? accessor, out string? error)
    {
        accessor = null;
        if (Scope != CustomCheckScope.Container)
        {
            error = $"'{path}' needs scope: container (an object-scope check sees no single container)";
            return false;
        }

        if (TryKey(path, "securityContext.", out var field))
        {
            if (SecurityText.TryGetValue(field, out var text))
            {
                accessor = FieldAccessor<CustomCheckContext>.ForText(path, c => c.Container is { } k ? text(k.Effective) : null);
            }
            else if (SecurityNumber.TryGetValue(field, out var number))
            {
                accessor = FieldAccessor<CustomCheckContext>.ForNumber(path, c => c.Container is { } k ? number(k.Effective) : double.NaN);
            }
            else
            {
                error = $"unknown field '{path}': securityContext offers {string.Join(", ", SecurityText.Keys.Concat(SecurityNumber.Keys))} (the effective value, the pod's as fallback)";
                return false;
            }
        }
        else
        {
            accessor = path switch
            {
                "container.name" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Container?.Name),
                "container.image" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Container?.Image),
                "container.type" => FieldAccessor<CustomCheckContext>.ForText(path, c => c.Container is { } k ? TypeName(k.Type) : null),
                _ => Generic(path, path["container.".Length..], c => c.Container?.Node),
            };
        }

        error = accessor is null ? $"unknown field '{path}': expected {Fields}" : null;
        return accessor is not null;
    }

    private FieldAccessor<CustomCheckContext>? Generic(string path, string rest, Func<CustomCheckContext, ManifestNode?> root)
    {
        var nodePath = new NodePath(rest);
        if (!nodePath.IsValid)
        {
            return null;
        }

        return _numberFields.Contains(path)
            ? FieldAccessor<CustomCheckContext>.ForNumber(path, c => NodePath.Number(nodePath.Resolve(root(c))))
            : FieldAccessor<CustomCheckContext>.ForText(path, c => NodePath.Text(nodePath.Resolve(root(c))));
    }

    private static bool TryKey(string path, string prefix, out string rest)
    {
        rest = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : "";
        return rest.Length > 0;
    }

    private static string? Bool(Setting<bool>? setting) => setting is { } s ? (s.Value ? "true" : "false") : null;

    private static string? Capabilities(ManifestNode? list) =>
        list is null ? null : string.Join(',', list.Items.Select(i => i.AsString()).OfType<string>().Select(EffectiveSecurityContext.NormaliseCapability));

    private static string TypeName(ContainerType type) => type switch
    {
        ContainerType.Init => "init",
        ContainerType.Ephemeral => "ephemeral",
        _ => "container",
    };
}
