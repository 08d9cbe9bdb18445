using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// Read-modify-write of one object with optimistic concurrency: the PUT carries the resourceVersion it read, and a
/// 409 (someone else wrote in between) reads again and re-applies the edit, so concurrent changes are never lost.
/// </summary>
public static class ObjectEditor
{
    private const int MaxConflicts = 8;

    /// <summary>Applies <paramref name="edit"/> (which returns false when there is nothing to change) and writes the result.</summary>
    public static async Task<JsonObject> ModifyAsync(ActionContext context, ResourceType type, string? ns, string name, Func<JsonObject, bool> edit)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 0; ; attempt++)
        {
            var current = await context.Client.GetAsync(type, ns, name, cancellationToken: context.CancellationToken);
            if (!edit(current))
            {
                return current;
            }

            try
            {
                return await context.Client.ReplaceAsync(type, ns, current, context.Write, context.CancellationToken);
            }
            catch (KubernetesConflictException) when (attempt < MaxConflicts)
            {
                // Someone else wrote the object since we read it: read again and redo the edit on their version.
            }
        }
    }

    /// <summary>Creates an object the action owns; one that already exists with this action's id counts as created.</summary>
    public static async Task CreateOwnedAsync(ActionContext context, ResourceType type, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(obj);
        try
        {
            await context.Client.CreateAsync(type, context.Namespace, obj, context.Write, context.CancellationToken);
        }
        catch (KubernetesAlreadyExistsException)
        {
            var existing = await context.Client.GetAsync(type, context.Namespace, ObjectMeta.Name(obj)!, cancellationToken: context.CancellationToken);
            if (ObjectMeta.Labels(existing).GetValueOrDefault(ActionLabels.ActionId) != context.Id)
            {
                throw new ActionRefusedException($"{type.Kind} {ObjectMeta.Name(obj)} exists and does not belong to action {context.Id}");
            }
        }
    }

    /// <summary>Whether the object the action created is there and carries its id.</summary>
    public static async Task<bool> OwnedExistsAsync(ActionContext context, ResourceType type, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existing = await context.Client.TryGetAsync(type, context.Namespace, name, context.CancellationToken);
        return existing is not null && ObjectMeta.Labels(existing).GetValueOrDefault(ActionLabels.ActionId) == context.Id;
    }

    /// <summary>Deletes an object the action created; already gone is fine, and an object someone else owns is left alone.</summary>
    public static async Task DeleteOwnedAsync(ActionContext context, ResourceType type, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existing = await context.Client.TryGetAsync(type, context.Namespace, name, context.CancellationToken);
        if (existing is null || ObjectMeta.Labels(existing).GetValueOrDefault(ActionLabels.ActionId) != context.Id)
        {
            return;
        }

        try
        {
            await context.Client.DeleteAsync(type, context.Namespace, name, new DeleteOptions { DryRun = context.Request.DryRun, PreconditionUid = ObjectMeta.Uid(existing) }, context.CancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            // Deleted between our read and our delete: the outcome we wanted.
        }
    }
}
