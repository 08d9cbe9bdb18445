using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Custom;

public sealed class CustomCheckConfigErrorTests
{
    [Theory]
    [InlineData("    condition: metadata.lables.team exists", "config.yaml:5:16: condition of custom-a: unknown field 'metadata.lables.team'")]
    [InlineData("    condition: \"kind == \"", "config.yaml:5:25: condition of custom-a:")]
    [InlineData("    condition: 'metadata.name > '", "config.yaml:5:33: condition of custom-a: expected a number or a string")]
    [InlineData("    condition: securityContext.privileged == \"true\"", "config.yaml:5:16: condition of custom-a: 'securityContext.privileged' needs scope: container")]
    [InlineData("    condition: kind == Pod and metadata.name < abc", "config.yaml:5:48: condition of custom-a: metadata.name is a string")]
    public void Load_BadCondition_ReportsFileLineAndColumnOfTheError(string conditionLine, string expected)
    {
        var config = $"""
            customChecks:
              - id: custom-a
                title: t
                kinds: [Pod]
            {conditionLine}
            """;

        var problems = Load(config);

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BlockScalarCondition_PointsInsideTheBlock()
    {
        const string config = """
            customChecks:
              - id: custom-a
                title: t
                condition: |
                  kind == Pod and
                    spec.nodeName matches '('
            """;

        var problem = Assert.Single(Load(config));

        Assert.StartsWith("config.yaml:6:31: condition of custom-a:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingIdAndCondition_ReportsEach()
    {
        const string config = """
            customChecks:
              - title: no id
                condition: kind == Pod
              - id: custom-b
                title: no condition
            """;

        var problems = Load(config);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("config.yaml:2:5: a custom check needs an id", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("config.yaml:4:5: a custom check needs a condition", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdOfBuiltInCheck_IsRejected()
    {
        const string config = """
            customChecks:
              - id: privileged-container
                title: clash
                condition: kind == Pod
            """;

        var problems = new List<string>();
        var options = ScanConfig.Load(config, "config.yaml", ScanOptions.Default, problems);

        var problem = Assert.Single(problems);
        Assert.StartsWith("config.yaml:2:9: custom check id \"privileged-container\" collides with a built-in check", problem, StringComparison.Ordinal);
        Assert.Same(ScanOptions.Default.Registry.All.First(c => c.Definition.Id == "privileged-container"), options.Registry.All.First(c => c.Definition.Id == "privileged-container"));
    }

    [Fact]
    public void Load_DuplicateCustomIdUnknownKeyAndBadSeverity_AreReported()
    {
        const string config = """
            customChecks:
              - { id: custom-a, title: one, condition: kind == Pod }
              - { id: custom-a, title: two, condition: kind == Service }
              - { id: custom-c, title: three, severity: urgent, condition: kind == Pod, colour: red }
            """;

        var problems = Load(config);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("config.yaml:3:11: duplicate custom check id \"custom-a\"", problems[0], StringComparison.Ordinal);
        Assert.Contains(problems, p => p.StartsWith("config.yaml:4:77: unknown key \"colour\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("config.yaml:4:45: severity must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CustomIdNamedInChecksDisable_IsAccepted()
    {
        const string config = """
            customChecks:
              - { id: custom-a, title: one, condition: kind == Pod }
            checks: { disable: [custom-a] }
            """;

        var problems = new List<string>();
        var options = ScanConfig.Load(config, "config.yaml", ScanOptions.Default, problems);

        Assert.Empty(problems);
        Assert.Contains("custom-a", options.DisabledChecks);
        var report = ManifestScanner.ScanText("apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [] }\n", "m.yaml", options);
        Assert.DoesNotContain(report.Findings, f => f.CheckId == "custom-a");
    }

    private static List<string> Load(string config)
    {
        var problems = new List<string>();
        ScanConfig.Load(config, "config.yaml", ScanOptions.Default, problems);
        return problems;
    }
}
