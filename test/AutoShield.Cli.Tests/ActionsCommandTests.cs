namespace AutoShield.Cli.Tests;

public sealed class ActionsCommandTests
{
    [Fact]
    public void ActionsRbac_Output_IsTheCommittedClusterRole()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "AutoShield.slnx")))
        {
            root = root.Parent!;
        }

        var (code, stdout, _) = CliRunner.Run("actions", "rbac");

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(root.FullName, "deploy", "rbac", "clusterrole.yaml")), stdout);
    }

    [Fact]
    public void ActionsRevert_UnknownId_FailsSayingSo()
    {
        var directory = Directory.CreateTempSubdirectory("autoshield-actions-").FullName;
        try
        {
            var kubeconfig = Path.Combine(directory, "kubeconfig");
            File.WriteAllText(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """);

            var (code, stdout, _) = CliRunner.Run("actions", "revert", "a-missing", "--kubeconfig", kubeconfig, "--ledger", Path.Combine(directory, "l.db"));

            Assert.Equal(1, code);
            Assert.Contains("no action a-missing in the ledger", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
