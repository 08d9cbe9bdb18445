using AutoShield.Host.Runtime;
using AutoShield.Kubernetes.Ledger;
using Microsoft.AspNetCore.Http;

namespace AutoShield.Host.Api;

/// <summary>
/// The REST API over the running loop: status, detections with their decisions, actions (revert), approvals
/// (approve/deny), the policy (status, reload), the safety log and the kill switch. Reads are open; every POST needs
/// the bearer token. The dashboard calls the same endpoints on its own port. Action and approval ids contain '/'
/// (detection/rule/step): clients escape them in paths (%2F), as the dashboard does.
/// </summary>
public static class ApiEndpoints
{
    public const int MaxLimit = 1000;

    public static IReadOnlyList<ApiRoute> Routes(AutoShieldRuntime runtime, IActionLedger? ledger) =>
    [
        new("GET", "/api/status", "Where the loop stands: state, sources, counters, policy, safety, leadership.", false,
            () => Results.Json(ApiViews.Status(runtime))),
        new("GET", "/api/detections", "Recent detections, newest first, each with what policy and safety made of it.", false,
            (int? limit, string? attack_class) => Detections(runtime, limit, attack_class))
        {
            Tag = "detections",
            Query = new Dictionary<string, string> { ["limit"] = $"at most this many (1-{MaxLimit}, default 100)", ["attack_class"] = "only this class, e.g. PORT_SCAN" },
        },
        new("GET", "/api/actions", "Actions in force (with their TTL) and, with a cluster, the ledger of every action.", false,
            async (CancellationToken ct) => Results.Json(await ApiViews.ActionsAsync(runtime, ledger, ct)))
        { Tag = "actions" },
        new("POST", "/api/actions/{id}/revert", "Reverts an action now, whatever its TTL.", true,
            (string id, CancellationToken ct) => RevertAsync(runtime, ledger, Uri.UnescapeDataString(id), ct))
        { Tag = "actions" },
        new("GET", "/api/approvals", "Actions waiting for a person's approval, and when each expires.", false,
            () => Results.Json(runtime.Safety.PendingApprovals.Select(ApiViews.Approval)))
        { Tag = "approvals" },
        new("POST", "/api/approvals/{id}/approve", "Approves a waiting action: it is checked again against the safety limits, then runs.", true,
            (string id, DecisionBody? body, CancellationToken ct) => ApproveAsync(runtime, Uri.UnescapeDataString(id), body, ct))
        {
            Tag = "approvals",
            Body = new Dictionary<string, string> { ["by"] = "who approves (recorded in the safety log; default 'api')" },
        },
        new("POST", "/api/approvals/{id}/deny", "Denies a waiting action; it never runs.", true,
            (string id, DecisionBody? body) => Deny(runtime, Uri.UnescapeDataString(id), body))
        {
            Tag = "approvals",
            Body = new Dictionary<string, string> { ["by"] = "who denies (default 'api')", ["reason"] = "why (recorded)" },
        },
        new("GET", "/api/policy", "The policy in force: version, files, rules, and the last reload error (file:line:column) if a change was rejected.", false,
            () => Results.Json(ApiViews.Policy(runtime)))
        { Tag = "policy" },
        new("POST", "/api/policy/reload", "Reloads the policy files now; an invalid change keeps the policy in force and answers 422 with the errors.", true,
            () => Reload(runtime))
        { Tag = "policy" },
        new("GET", "/api/safety/log", "The safety controller's log, newest first: every allow, refusal (with its reason), approval step and revert.", false,
            (int? limit) => Results.Json(runtime.Safety.Log.Snapshot().Reverse().Take(Limit(limit)).Select(ApiViews.SafetyEntry)))
        {
            Tag = "safety",
            Query = new Dictionary<string, string> { ["limit"] = $"at most this many (1-{MaxLimit}, default 100)" },
        },
        new("GET", "/api/kill-switch", "Whether the kill switch is engaged, and why.", false,
            () => Results.Json(ApiViews.KillSwitch(runtime)))
        { Tag = "safety" },
        new("POST", "/api/kill-switch", "Engages or releases the kill switch; engaged, no new cluster-changing action runs (persisted across restarts).", true,
            (KillSwitchBody body, CancellationToken ct) => KillSwitchAsync(runtime, body, ct))
        {
            Tag = "safety",
            Body = new Dictionary<string, string>
            {
                ["engaged"] = "true to engage, false to release (required)",
                ["reason"] = "why (recorded)",
                ["revert_all"] = "with engaged=true, also revert every action in force",
                ["by"] = "who (default 'api')",
            },
        },
        new("GET", "/api/effects", "Effect checks: whether each applied action stopped its attack, and the escalation asked for when not.", false,
            () => Results.Json(runtime.EffectVerdicts.Snapshot().Reverse()))
        { Tag = "actions" },
    ];

    internal static int Limit(int? limit) => Math.Clamp(limit ?? 100, 1, MaxLimit);

    private static IResult Detections(AutoShieldRuntime runtime, int? limit, string? attackClass)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Results.Json(new ApiError($"limit: expected 1-{MaxLimit}, got {limit}"), statusCode: StatusCodes.Status400BadRequest);
        }

        var entries = runtime.History.Snapshot().AsEnumerable().Reverse();
        if (!string.IsNullOrEmpty(attackClass))
        {
            entries = entries.Where(e => string.Equals(e.Detection.AttackClass, attackClass, StringComparison.OrdinalIgnoreCase));
        }

        return Results.Json(entries.Take(Limit(limit)).Select(ApiViews.Detection));
    }

    private static async Task<IResult> RevertAsync(AutoShieldRuntime runtime, IActionLedger? ledger, string id, CancellationToken ct)
    {
        if (await runtime.Safety.RevertAsync(id, "reverted through the API", ct))
        {
            return Results.Json(new { id, state = "reverted" });
        }

        // Not in force in this process (applied before a restart, or by another replica): revert from the ledger.
        if (!runtime.DryRun && ledger is not null && await ledger.GetAsync(id, ct) is { } record)
        {
            var outcome = await runtime.Actuator.RevertAsync(record.Id, ct);
            var ok = outcome.State == Core.Actions.ActionState.Reverted;
            return Results.Json(new { id, state = outcome.State.ToName(), message = outcome.Message }, statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
        }

        return Results.Json(new ApiError($"no action '{id}' in force"), statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ApproveAsync(AutoShieldRuntime runtime, string id, DecisionBody? body, CancellationToken ct)
    {
        try
        {
            var verdict = await runtime.Safety.ApproveAsync(id, body?.By ?? "api", ct);
            return Results.Json(ApiViews.Verdict(verdict));
        }
        catch (KeyNotFoundException)
        {
            return Results.Json(new ApiError($"no pending approval '{id}' (approved, denied or expired already?)"), statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static IResult Deny(AutoShieldRuntime runtime, string id, DecisionBody? body)
    {
        try
        {
            var verdict = runtime.Safety.Deny(id, body?.By ?? "api", body?.Reason ?? "denied through the API");
            return Results.Json(ApiViews.Verdict(verdict));
        }
        catch (KeyNotFoundException)
        {
            return Results.Json(new ApiError($"no pending approval '{id}' (approved, denied or expired already?)"), statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static IResult Reload(AutoShieldRuntime runtime)
    {
        var result = runtime.Policy.Reload();
        var view = ApiViews.Policy(runtime);
        return result.IsValid ? Results.Json(view) : Results.Json(view, statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> KillSwitchAsync(AutoShieldRuntime runtime, KillSwitchBody body, CancellationToken ct)
    {
        if (body.Engaged is not { } engaged)
        {
            return Results.Json(new ApiError("body: expected {\"engaged\": true|false, \"reason\": \"...\"}"), statusCode: StatusCodes.Status400BadRequest);
        }

        var by = body.By ?? "api";
        var reverted = 0;
        if (engaged)
        {
            runtime.EngageKillSwitch(body.Reason ?? "engaged through the API", by);
            if (body.RevertAll == true)
            {
                reverted = await runtime.Safety.RevertAllAsync($"kill switch engaged by {by}", ct);
            }
        }
        else
        {
            runtime.ReleaseKillSwitch(by);
        }

        return Results.Json(ApiViews.KillSwitch(runtime) with { Reverted = reverted });
    }
}
