using System.Diagnostics;
using AutoShield.Kubernetes.Actions;

namespace AutoShield.Kubernetes.Tests.Actions;

public sealed class DeployManifestTests
{
    [Fact]
    public void ClusterRoleFile_ComparedWithTheActionsDeclarations_IsUpToDate()
    {
        var registry = ActionRegistry.CreateDefault(new QueuedAlertSink(), new HttpClient());
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "rbac", "clusterrole.yaml"));

        var generated = ClusterRoleGenerator.Yaml(registry);

        Assert.True(committed == generated, "deploy/rbac/clusterrole.yaml is stale; regenerate it with: dotnet run --project src/AutoShield.Cli -- actions rbac > deploy/rbac/clusterrole.yaml");
    }

    [Fact]
    public void Rules_EveryActionsDeclaredVerb_IsGrantedAndNothingElse()
    {
        var registry = ActionRegistry.CreateDefault(new QueuedAlertSink(), new HttpClient());

        var rules = ClusterRoleGenerator.Rules(registry);

        var granted = rules.SelectMany(r => r.Verbs.Select(v => $"{r.ApiGroups[0]}/{r.Resources[0]}:{v}")).ToHashSet();
        var declared = registry.All.SelectMany(a => a.Rbac).Concat(ClusterRoleGenerator.Base)
            .SelectMany(r => r.Verbs.Select(v => $"{r.ApiGroups[0]}/{r.Resources[0]}:{v}")).ToHashSet();
        Assert.Equal(declared.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rules, r => r.Verbs.Contains("*") || r.Resources.Contains("*"));
    }

    [Fact]
    public void Kustomize_DeployDirectory_BuildsOfflineWithTheRbacObjects()
    {
        var kubectl = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);
        Assert.True(kubectl is not null, "kubectl is needed for this test (it is installed on CI and dev machines)");
        using var process = Process.Start(new ProcessStartInfo(kubectl, ["kustomize", Path.Combine(RepositoryRoot(), "deploy")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
        foreach (var kind in new[] { "kind: Namespace", "kind: ServiceAccount", "kind: ClusterRole", "kind: ClusterRoleBinding", "kind: Role", "kind: RoleBinding", "kind: Deployment", "kind: Service", "kind: NetworkPolicy", "kind: ConfigMap" })
        {
            Assert.Contains(kind, output, StringComparison.Ordinal);
        }

        Assert.Contains("resources:\n  - leases", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_EveryActionType_HasAScenarioAndDescribesItself()
    {
        var registry = ActionRegistry.CreateDefault(new QueuedAlertSink(), new HttpClient());

        Assert.Equal(Core.Actions.ActionType.All.Order(StringComparer.Ordinal), registry.All.Select(a => a.Name));
        foreach (var action in registry.All)
        {
            Assert.NotNull(ActionScenarios.Request(action.Name, "a-1", new Uri("http://127.0.0.1/")));
            Assert.False(string.IsNullOrWhiteSpace(action.Description));
            Assert.NotEmpty(action.TargetKinds);
            Assert.All(action.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
            Assert.All(action.Parameters.Where(p => p.Default is not null), p => Assert.Null(ParameterValidator.Check(p, p.Default!)));
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AutoShield.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AutoShield.slnx not found above the test's directory");
    }
}
