using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Manifests.Input;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Output;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield scan</c>: the YAML misconfiguration scanner over files, directories or stdin.</summary>
public static class ScanCommand
{
    public static Command Build(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Manifest files or directories (- for stdin): YAML, JSON, kind: List, rendered Helm output.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "text, json, sarif or junit.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json", "sarif", "junit");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above: none, info, low, medium, high, critical.", DefaultValueFactory = _ => "none" };
        var pss = new Option<string?>("--pss") { Description = "Apply exactly the Pod Security Standards level: baseline or restricted." };
        var version = new Option<string?>("--k8s-version") { Description = "Kubernetes minor version the rules are pinned to, e.g. 1.30 (default: latest)." };
        var config = new Option<string?>("--config") { Description = "Scanner config file (checks, exemptions with reasons, trusted registries)." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain text output." };
        var command = new Command("scan", "Scan Kubernetes manifests for misconfigurations; findings name file:line:column and the equivalent checks of kube-linter, kubesec, Polaris, kube-score, checkov, Trivy, Kubescape and PSS.")
        {
            paths, output, failOn, pss, version, config, noColor,
        };
        command.SetAction(parse => Execute(
            context,
            parse.GetValue(paths)!,
            parse.GetValue(output)!,
            parse.GetValue(failOn)!,
            parse.GetValue(pss),
            parse.GetValue(version),
            parse.GetValue(config),
            !parse.GetValue(noColor) && context.Interactive));
        return command;
    }

    public static int Execute(
        CliContext context, IReadOnlyList<string> paths, string format, string failOnText, string? pssText, string? versionText, string? configPath, bool colour)
    {
        var problems = new List<string>();
        var options = ScanOptions.Default;
        if (configPath is not null)
        {
            try
            {
                options = ScanConfig.Load(File.ReadAllText(configPath), configPath, options, problems);
            }
            catch (IOException ex)
            {
                problems.Add($"{configPath}: {ex.Message}");
            }
        }

        if (!ScanExitCode.TryParseFailOn(failOnText, out var failOn))
        {
            problems.Add($"--fail-on: '{failOnText}' is not one of none, info, low, medium, high, critical");
        }

        if (pssText is not null)
        {
            if (ScanConfig.TryParsePss(pssText, out var level))
            {
                options = options with { Pss = level };
            }
            else
            {
                problems.Add($"--pss: '{pssText}' is not baseline or restricted");
            }
        }

        if (versionText is not null)
        {
            if (KubernetesVersion.TryParse(versionText, out var kubernetes))
            {
                options = options with { KubernetesVersion = kubernetes };
            }
            else
            {
                problems.Add($"--k8s-version: '{versionText}' is not a version such as 1.30");
            }
        }

        ReportWriters.TryParseFormat(format, out var reportFormat);
        var inputs = ManifestSources.Collect(paths, () => context.Input ?? Console.OpenStandardInput(), options.Limits.MaxInputBytes, problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"autoshield scan: {problem}");
            }

            return ExitCodes.Usage;
        }

        var report = ManifestScanner.Scan(inputs, options);
        ReportWriters.Create(reportFormat, colour).Write(report, context.Out);
        return ScanExitCode.Compute(report, failOn);
    }
}
