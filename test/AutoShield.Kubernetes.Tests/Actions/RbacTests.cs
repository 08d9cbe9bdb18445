using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Fake.Auth;

namespace AutoShield.Kubernetes.Tests.Actions;

public sealed class RbacTests
{
    [Theory]
    [MemberData(nameof(ActionScenarios.Types), MemberType = typeof(ActionScenarios))]
    public async Task ApplyAndRevert_AsUserWithExactlyTheGeneratedClusterRole_Succeed(string actionType)
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var client = GrantGenerated(harness, except: null);
        var actuator = harness.Actuator(client: client);

        var applied = await actuator.ApplyAsync(harness.Request(actionType), CancellationToken.None);
        var reverted = await actuator.RevertAsync("a-1", CancellationToken.None);

        Assert.Equal((ActionState.Applied, ActionState.Reverted), (applied.State, reverted.State));
        Assert.Equal(2, ActionScenarios.Events(harness, "a-1").Count());
        Assert.DoesNotContain(harness.Cluster.Server.Requests, r => r.StatusCode == 403);
    }

    [Fact]
    public async Task ApplyAsync_ClusterRoleWithoutNetworkPolicyCreate_FailedWith403Recorded()
    {
        await using var harness = await ActuatorHarness.StartAsync();
        var client = GrantGenerated(harness, except: ("networkpolicies", "create"));
        var actuator = harness.Actuator(client: client);

        var outcome = await actuator.ApplyAsync(harness.Request(ActionType.NetworkPolicy), CancellationToken.None);

        var record = (await actuator.Ledger.GetAsync("a-1"))!;
        Assert.Equal(ActionState.Failed, outcome.State);
        Assert.Equal(ActionState.Failed, record.State);
        Assert.StartsWith("403 Forbidden", record.LastError, StringComparison.Ordinal);
        Assert.Contains("cannot create resource \"networkpolicies\"", record.LastError, StringComparison.Ordinal);
    }

    private static AutoShield.Kubernetes.Client.KubernetesClient GrantGenerated(ActuatorHarness harness, (string Resource, string Verb)? except)
    {
        var access = harness.Cluster.Server.Access;
        access.AddToken("actuator-token", "system:serviceaccount:autoshield-system:autoshield");
        access.EnforceRbac = true;
        foreach (var rule in ClusterRoleGenerator.Rules(harness.Registry))
        {
            var verbs = rule.Verbs.Where(v => except is not { } e || !(rule.Resources.Contains(e.Resource) && v == e.Verb)).ToArray();
            access.Grant("system:serviceaccount:autoshield-system:autoshield", new RbacRule(rule.ApiGroups, rule.Resources, verbs));
        }

        return harness.Cluster.Client(token: "actuator-token");
    }
}
