using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// Labels and annotations an action sets on an existing object (or on a workload's pod template), with the exact
/// prior values captured for revert. Every change also sets the <c>autoshield.io/action-id</c> annotation. Revert
/// restores a key only while it still holds the value this action wrote, so a later change by someone else stays.
/// </summary>
public sealed class MetadataChange
{
    private readonly List<(string Field, string Key, string Value)> _changes = [];
    private readonly ResourceType _type;
    private readonly string? _namespace;
    private readonly string _name;
    private readonly string _priorKey;
    private readonly bool _template;

    public MetadataChange(ActionContext context, ResourceType type, string? ns, string name, string priorKey, bool podTemplate = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        _type = type;
        _namespace = ns;
        _name = name;
        _priorKey = priorKey;
        _template = podTemplate;
        Annotation(ActionLabels.ActionId, context.Id);
    }

    public MetadataChange Label(string key, string value)
    {
        _changes.Add(("labels", key, value));
        return this;
    }

    public MetadataChange Annotation(string key, string value)
    {
        _changes.Add(("annotations", key, value));
        return this;
    }

    public async Task CaptureAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var obj = await context.Client.GetAsync(_type, _namespace, _name, cancellationToken: context.CancellationToken);
        var metadata = MetadataOf(obj, create: false);
        var prior = new JsonObject();
        foreach (var field in new[] { "labels", "annotations" })
        {
            var map = metadata?[field] as JsonObject;
            var saved = new JsonObject();
            foreach (var (_, key, _) in _changes.Where(c => c.Field == field))
            {
                saved[key] = map?[key]?.DeepClone();
            }

            prior[field] = saved;
            prior["had_" + field] = map is not null;
        }

        context.Prior[_priorKey] = prior;
    }

    public async Task ApplyAsync(ActionContext context) =>
        await ObjectEditor.ModifyAsync(context, _type, _namespace, _name, obj =>
        {
            var metadata = MetadataOf(obj, create: true)!;
            var changed = false;
            foreach (var (field, key, value) in _changes)
            {
                var map = metadata[field] as JsonObject ?? [];
                metadata[field] = map;
                if (Value(map, key) != value)
                {
                    map[key] = value;
                    changed = true;
                }
            }

            return changed;
        });

    public async Task<bool> IsAppliedAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var obj = await context.Client.TryGetAsync(_type, _namespace, _name, context.CancellationToken);
        var metadata = obj is null ? null : MetadataOf(obj, create: false);
        return metadata is not null && _changes.All(c => Value(metadata[c.Field] as JsonObject, c.Key) == c.Value);
    }

    public async Task RevertAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prior = context.Prior[_priorKey] as JsonObject ?? [];
        try
        {
            await ObjectEditor.ModifyAsync(context, _type, _namespace, _name, obj =>
            {
                var metadata = MetadataOf(obj, create: false);
                if (metadata is null)
                {
                    return false;
                }

                var changed = false;
                foreach (var (field, key, value) in _changes)
                {
                    if (metadata[field] is not JsonObject map || Value(map, key) != value)
                    {
                        continue;
                    }

                    var old = prior[field]?[key];
                    if (old is null)
                    {
                        map.Remove(key);
                    }
                    else
                    {
                        map[key] = old.DeepClone();
                    }

                    changed = true;
                    if (map.Count == 0 && prior["had_" + field]?.GetValue<bool>() != true)
                    {
                        metadata.Remove(field);
                    }
                }

                return changed;
            });
        }
        catch (KubernetesNotFoundException)
        {
            // The object is gone (a pod replaced by its controller): nothing is left to put back.
        }
    }

    private static string? Value(JsonObject? map, string key) =>
        map?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private JsonObject? MetadataOf(JsonObject obj, bool create)
    {
        if (!_template)
        {
            return obj["metadata"] as JsonObject;
        }

        var spec = obj["spec"] as JsonObject;
        var template = spec?["template"] as JsonObject;
        if (template is null)
        {
            return null;
        }

        if (template["metadata"] is not JsonObject metadata && create)
        {
            metadata = [];
            template["metadata"] = metadata;
        }

        return template["metadata"] as JsonObject;
    }
}
