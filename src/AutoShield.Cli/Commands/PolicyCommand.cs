using System.CommandLine;
using AutoShield.Cli.Infrastructure;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield policy</c>: check policy files, and dry-run them against recorded traffic before they go live.</summary>
public static class PolicyCommand
{
    public static Command Build(CliContext context) => new("policy", "Validate policy files and backtest them against recorded flows.")
    {
        PolicyValidateCommand.Build(context),
        PolicyBacktestCommand.Build(context),
    };
}
