using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Policy.Rules;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield policy validate</c>: loads and merges policy files; errors as file:line:column: message, exit 3.</summary>
public static class PolicyValidateCommand
{
    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Policy files or directories (their *.yaml, in name order), merged in the order given.", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Output();
        var command = new Command("validate", $"Check policy files (YAML format of seed 004, conditions, actions). Exit {ExitCodes.Ok} when valid, {ExitCodes.InputErrors} with errors.")
        {
            files, output,
        };
        command.SetAction(parse => Execute(context, parse.GetValue(files)!, parse.GetValue(output)));
        return command;
    }

    public static int Execute(CliContext context, IReadOnlyList<string> files, OutputFormat output)
    {
        var result = new PolicyLoader().LoadFiles(files);
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, new
            {
                Valid = result.IsValid,
                result.Files,
                Version = result.Policy?.Version,
                Rules = result.Policy?.Rules.Select(r => new { r.Name, r.AttackClass, Severity = r.Severity.ToString().ToLowerInvariant(), Mode = r.Mode.ToString().ToLowerInvariant(), File = r.Location.File, r.Location.Line }),
                Errors = result.Errors,
            });
        }
        else if (result.IsValid)
        {
            var policy = result.Policy!;
            context.Out.WriteLine($"valid: {policy.Rules.Count} rules from {result.Files.Count} files (version {policy.Version})");
            foreach (var rule in policy.Rules)
            {
                context.Out.WriteLine($"  {rule.Name,-48} {rule.AttackClass,-18} {rule.Severity.ToString().ToLowerInvariant(),-8} {rule.Mode.ToString().ToLowerInvariant(),-7} {rule.Location}");
            }
        }
        else
        {
            foreach (var error in result.Errors)
            {
                context.Out.WriteLine(error.ToString());
            }

            context.Error.WriteLine($"autoshield policy validate: {result.Errors.Count} errors in {result.Errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count()} files");
        }

        return result.IsValid ? ExitCodes.Ok : ExitCodes.InputErrors;
    }
}
