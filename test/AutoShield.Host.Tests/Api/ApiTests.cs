using System.Net;
using System.Text.Json;
using AutoShield.Metrics;
using AutoShield.Policy.Safety;
using AutoShield.Testing;

namespace AutoShield.Host.Tests.Api;

public sealed class ApiTests
{
    [Fact]
    public async Task Status_Running_AnswersSnakeCaseWithCounters()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));

        var status = await ApiHarness.Json(await api.Anonymous.GetAsync("/api/status"));

        Assert.Equal("drained", status.GetProperty("state").GetString());
        Assert.Equal("dry-run", status.GetProperty("actuation").GetString());
        Assert.True(status.GetProperty("sources")[0].GetProperty("events").GetInt64() > 1000);
        Assert.True(status.GetProperty("detector").GetProperty("windows").GetInt64() > 0);
        Assert.True(status.GetProperty("decisions").GetProperty("decided").GetInt64() > 0);
    }

    [Fact]
    public async Task Detections_AfterAScan_ListsEachWithItsDecisionAndExplanation()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));

        var detections = await ApiHarness.Json(await api.Anonymous.GetAsync("/api/detections?attack_class=PORT_SCAN"));

        var first = detections.EnumerateArray().First();
        Assert.Equal("PORT_SCAN", first.GetProperty("class").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("explanation").GetProperty("sentence").GetString()));
        var action = first.GetProperty("decisions")[0].GetProperty("actions")[0];
        Assert.Equal("network_policy", action.GetProperty("action_type").GetString());
        Assert.Equal("dry_run", action.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Detections_LimitOutOfRange_Answers400WithWhatWasExpected()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));

        using var response = await api.Anonymous.GetAsync("/api/detections?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit: expected 1-1000", (await ApiHarness.Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/kill-switch")]
    [InlineData("/api/policy/reload")]
    [InlineData("/api/approvals/x/approve")]
    [InlineData("/api/approvals/x/deny")]
    [InlineData("/api/actions/x/revert")]
    public async Task Post_WithoutOrWithWrongToken_Answers401AndChangesNothing(string path)
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));
        using var wrong = new HttpClient { BaseAddress = api.Server.ApiAddress };
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-token");

        using var anonymous = await api.PostAsync(api.Anonymous, path, new { engaged = true });
        using var bad = await api.PostAsync(wrong, path, new { engaged = true });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.False(api.Runtime.Safety.KillSwitchEngaged);
        Assert.Equal(2, MetricsScrape.Parse(await api.ScrapeAsync()).Value("autoshield_api_unauthorized_total"));
    }

    [Fact]
    public async Task KillSwitch_EngagedThroughTheApi_StopsActionsAndShowsInMetrics()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));
        Assert.NotEmpty(api.Runtime.Safety.ActiveActions);

        using var engaged = await api.PostAsync(api.Authorized, "/api/kill-switch", new { engaged = true, reason = "incident", revert_all = true, by = "alice" });

        var body = await ApiHarness.Json(engaged);
        Assert.Equal(HttpStatusCode.OK, engaged.StatusCode);
        Assert.True(body.GetProperty("engaged").GetBoolean());
        Assert.True(body.GetProperty("reverted").GetInt32() > 0);
        Assert.Empty(api.Runtime.Safety.ActiveActions);
        Assert.Equal(1, MetricsScrape.Parse(await api.ScrapeAsync()).Value(SafetyMetricNames.KillSwitch));

        using var released = await api.PostAsync(api.Authorized, "/api/kill-switch", new { engaged = false });
        Assert.False((await ApiHarness.Json(released)).GetProperty("engaged").GetBoolean());
        Assert.False(api.Runtime.Safety.KillSwitchEngaged);
    }

    [Fact]
    public async Task KillSwitch_BodyWithoutEngaged_Answers400()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));

        using var response = await api.PostAsync(api.Authorized, "/api/kill-switch", new { reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Approvals_ApproveThroughTheApi_RunsTheWaitingAction()
    {
        await using var api = await ApiHarness.StartAsync(WithApproval());
        var pending = (await ApiHarness.Json(await api.Anonymous.GetAsync("/api/approvals"))).EnumerateArray().Single();
        var id = pending.GetProperty("id").GetString()!;
        Assert.Equal("network_policy", pending.GetProperty("action_type").GetString());

        using var approved = await api.PostAsync(api.Authorized, $"/api/approvals/{Uri.EscapeDataString(id)}/approve", new { by = "bob" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("dry_run", (await ApiHarness.Json(approved)).GetProperty("result").GetString());
        Assert.Empty(api.Runtime.Safety.PendingApprovals);
        Assert.Single(api.Runtime.Safety.ActiveActions);
        var log = await ApiHarness.Json(await api.Anonymous.GetAsync("/api/safety/log"));
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("approved by bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approvals_DenyThroughTheApi_NeverRunsAndRecordsWhy()
    {
        await using var api = await ApiHarness.StartAsync(WithApproval());
        var id = api.Runtime.Safety.PendingApprovals.Single().Id;

        using var denied = await api.PostAsync(api.Authorized, $"/api/approvals/{Uri.EscapeDataString(id)}/deny", new { by = "carol", reason = "known scanner" });
        using var again = await api.PostAsync(api.Authorized, $"/api/approvals/{Uri.EscapeDataString(id)}/deny", new { by = "carol" });

        Assert.Equal("refused", (await ApiHarness.Json(denied)).GetProperty("result").GetString());
        Assert.Equal("approval_denied", (await ApiHarness.Json(denied)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(api.Runtime.Safety.ActiveActions);
    }

    [Fact]
    public async Task Revert_ActionInForce_TakesItBack()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));
        var actions = await ApiHarness.Json(await api.Anonymous.GetAsync("/api/actions"));
        var id = actions.GetProperty("active")[0].GetProperty("id").GetString()!;

        using var reverted = await api.PostAsync(api.Authorized, $"/api/actions/{Uri.EscapeDataString(id)}/revert");
        using var unknown = await api.PostAsync(api.Authorized, "/api/actions/nope/revert");

        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.DoesNotContain(api.Runtime.Safety.ActiveActions, a => a.Request.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task PolicyReload_InvalidFile_Answers422KeepsTheLastGoodPolicyAndSaysWhere()
    {
        var options = TestLoops.Options(TestLoops.ContainScanner);
        await using var api = await ApiHarness.StartAsync(options);
        var before = api.Runtime.Policy.Current.Version;
        File.WriteAllText(options.PolicyFiles[0], "rules:\n  - name: broken\n    attack_class: PORT_SCAN\n    condition: \"features.bytes_sent >\"\n    actions: []\n");

        using var response = await api.PostAsync(api.Authorized, "/api/policy/reload");

        var body = await ApiHarness.Json(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, body.GetProperty("version").GetString());
        Assert.False(body.GetProperty("last_reload_succeeded").GetBoolean());
        var error = body.GetProperty("last_errors")[0];
        Assert.Equal(options.PolicyFiles[0], error.GetProperty("file").GetString());
        Assert.True(error.GetProperty("line").GetInt32() >= 2);
        Assert.Equal(before, api.Runtime.Policy.Current.Version);
        var metrics = MetricsScrape.Parse(await api.ScrapeAsync());
        Assert.Equal(0, metrics.Value("autoshield_policy_last_reload_success"));
        // The file watcher may reject the same edit too (hot reload), so at least this request's failure is counted.
        Assert.True(metrics.Value("autoshield_policy_reloads_total", "result", "failure") >= 1);
    }

    [Fact]
    public async Task PolicyFile_EditedOnDisk_HotReloadsAndTheApiShowsTheNewRules()
    {
        var options = TestLoops.Options(TestLoops.ContainScanner);
        await using var api = await ApiHarness.StartAsync(options);

        File.WriteAllText(options.PolicyFiles[0], TestLoops.ContainScanner.Replace("contain-scanner", "renamed-rule", StringComparison.Ordinal));

        await TestLoops.Until(() => api.Runtime.Policy.Current.Rules.Any(r => r.Name == "renamed-rule"), "the edited policy to load");
        var policy = await ApiHarness.Json(await api.Anonymous.GetAsync("/api/policy"));
        Assert.Equal("renamed-rule", policy.GetProperty("rules")[0].GetProperty("name").GetString());
        Assert.True(policy.GetProperty("last_reload_succeeded").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryRouteAndGuardsEveryPost()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));

        var document = await ApiHarness.Json(await api.Anonymous.GetAsync("/openapi.json"));
        var docs = await api.Anonymous.GetStringAsync("/docs");

        Assert.Equal("3.0.3", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var route in Host.Api.ApiEndpoints.Routes(api.Runtime, null))
        {
            var operation = paths.GetProperty(route.Path).GetProperty(route.Method.ToLowerInvariant());
            Assert.Equal(route.Mutating, operation.TryGetProperty("security", out _));
            Assert.Contains(System.Net.WebUtility.HtmlEncode(route.Path), docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_Exposition_PassesPromtoolAndCountsTheLoop()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));

        var text = await api.ScrapeAsync();

        var (exitCode, output) = Promtool.CheckMetrics(text);
        Assert.True(exitCode == 0, output);
        var metrics = MetricsScrape.Parse(text);
        Assert.Equal(api.Runtime.Sources[0].Reader.Counters.Good, metrics.Value("autoshield_events_total", "source", api.Runtime.Sources[0].Name));
        Assert.Equal(api.Runtime.Detector.Windows, metrics.Value("autoshield_windows_total"));
        Assert.True(metrics.Value("autoshield_detections_total", "attack_class", "PORT_SCAN") > 0);
        Assert.Equal(1, metrics.Value("autoshield_loop_up"));
    }

    [Fact]
    public async Task Dashboard_Root_ServesThePageAndTheSameApi()
    {
        await using var api = await ApiHarness.StartAsync(TestLoops.Options(TestLoops.ContainScanner));
        using var dashboard = new HttpClient { BaseAddress = api.Server.DashboardAddress };

        var page = await dashboard.GetStringAsync("/");
        var status = JsonDocument.Parse(await dashboard.GetStringAsync("/api/status")).RootElement;

        Assert.Contains("<title>AutoShield</title>", page, StringComparison.Ordinal);
        Assert.Equal("drained", status.GetProperty("state").GetString());
        using var unauthorized = await dashboard.PostAsync("/api/kill-switch", new StringContent("{\"engaged\":true}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private static Host.Runtime.RuntimeOptions WithApproval() => TestLoops.Options(TestLoops.ContainScanner) with
    {
        Safety = new SafetyOptions { ApprovalRequiredFor = new HashSet<string>(StringComparer.Ordinal) { "network_policy" } },
    };
}
