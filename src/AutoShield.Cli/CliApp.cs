using System.CommandLine;

namespace AutoShield.Cli;

/// <summary>Builds the command tree; commands take their writers as parameters so tests can call them.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("AutoShield: Kubernetes-native intrusion detection and autonomous response.");
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }
}
