using System.CommandLine;
using AutoShield.Cli.Commands;
using AutoShield.Cli.Infrastructure;

namespace AutoShield.Cli;

/// <summary>Builds the command tree; commands take their streams from a <see cref="CliContext"/> so tests can run them.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliContext? context = null)
    {
        context ??= CliContext.FromConsole();
        var root = BuildRoot(context);
        var config = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return root.Parse(args).Invoke(config);
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("AutoShield: Kubernetes-native intrusion detection and autonomous response.")
        {
            DemoCommand.Build(context),
            Commands.Run.RunCommand.Build(context),
            SimulateCommand.Build(context),
            ReplayCommand.Build(context),
            WindowsCommand.Build(context),
            ScanCommand.Build(context),
            TrainCommand.Build(context),
            EvalCommand.Build(context),
            DetectCommand.Build(context),
            ActCommand.Build(context),
            ActionsCommand.Build(context),
            PolicyCommand.Build(context),
        };
        return root;
    }
}
