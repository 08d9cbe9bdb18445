using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Tests.Rules;

public sealed class PolicyLoaderTests
{
    private readonly PolicyLoader _loader = new();

    [Fact]
    public void LoadText_SeedCustomExample_CompilesConditionOverFeaturesAndTime()
    {
        var text = File.ReadAllText(RepoPaths.Example("seed-custom-application-protection.yaml"));

        var result = _loader.LoadText(text, "custom.yaml");

        Assert.Empty(result.Errors);
        var rule = Assert.Single(result.Document!.Rules);
        Assert.Equal("CUSTOM_ATTACK", rule.AttackClass);
        Assert.Equal(Severity.Critical, rule.Severity);
        Assert.Equal(["features.bytes_sent", "features.failed_conn_ratio", "time.hour"], rule.Condition!.Fields.Order().ToArray());
    }

    [Fact]
    public void LoadText_UnknownFeatureInBlockCondition_ReportsFileLineAndColumnOfTheField()
    {
        const string text = "rules:\n  - name: x\n    attack_class: PORT_SCAN\n    condition: |\n      features.bytes_sent > 1 AND\n      features.byte_sent < 2\n    actions:\n      - action_type: alert_only\n";

        var result = _loader.LoadText(text, "p.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("p.yaml", 6, 7), (error.File, error.Line, error.Column));
        Assert.Contains("unknown feature 'byte_sent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_TypeMismatchInQuotedCondition_ReportsColumnOfTheLiteral()
    {
        const string text = "rules:\n  - name: x\n    attack_class: PORT_SCAN\n    condition: \"features.syn_count > 'many'\"\n    actions:\n      - action_type: alert_only\n";

        var result = _loader.LoadText(text, "p.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, 38), (error.Line, error.Column));
        Assert.Contains("is a number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  - name: x\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: explode\n", 5, 22, "unknown action_type 'explode'")]
    [InlineData("rules:\n  - name: x\n    attack_class: PORT_SCAN\n    confidence_threshold: 1.5\n    actions:\n      - action_type: alert_only\n", 4, 27, "between 0 and 1")]
    [InlineData("rules:\n  - name: x\n    attack_class: PORT_SCAN\n    severty: high\n    actions:\n      - action_type: alert_only\n", 4, 5, "unknown rule key 'severty'")]
    [InlineData("rules:\n  - name: x\n    attack_class: port scan\n    actions:\n      - action_type: alert_only\n", 3, 19, "attack_class 'port scan'")]
    [InlineData("rules:\n  - name: x\n    attack_class: PORT_SCAN\n", 2, 5, "a rule needs actions")]
    [InlineData("rules:\n  - attack_class: PORT_SCAN\n    actions:\n      - action_type: alert_only\n", 2, 5, "needs a name")]
    [InlineData("rules:\n  - name: x\n    attack_class: SYN_FLOOD\n    actions:\n      - action_type: traffic_throttle\n        parameters:\n          rate_limit: fast\n", 7, 23, "rate_limit 'fast'")]
    [InlineData("rules:\n  - name: x\n    attack_class: PORT_SCAN\n    mode: loud\n    actions:\n      - action_type: alert_only\n", 4, 11, "mode 'loud' must be one of enforce, monitor")]
    [InlineData("rules: [\n", 2, 1, "invalid YAML")]
    [InlineData("rulez: []\n", 1, 1, "unknown top-level key 'rulez'")]
    public void LoadText_InvalidRule_ReportsWhereAndWhy(string text, int line, int column, string message)
    {
        var result = _loader.LoadText(text, "bad.yaml");

        Assert.Null(result.Document);
        Assert.Contains(result.Errors, e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadTexts_LaterFileSameName_OverridesInPlace()
    {
        const string first = "rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: alert_only\n  - name: b\n    attack_class: SYN_FLOOD\n    actions:\n      - action_type: alert_only\n";
        const string second = "rules:\n  - name: a\n    attack_class: PORT_SCAN\n    mode: monitor\n    actions:\n      - action_type: network_policy\n";

        var result = _loader.LoadTexts([("1.yaml", first), ("2.yaml", second)]);

        Assert.True(result.IsValid);
        Assert.Equal(["a", "b"], result.Policy!.Rules.Select(r => r.Name));
        Assert.Equal(RuleMode.Monitor, result.Policy.Rules[0].Mode);
        Assert.Equal("2.yaml", result.Policy.Rules[0].Location.File);
    }

    [Fact]
    public void LoadTexts_PoliciesFormWithoutNames_NamesByClassSoLaterFilesOverride()
    {
        var financial = File.ReadAllText(RepoPaths.Example("seed-financial-services.yaml"));
        const string tighter = "policies:\n  - attack_class: DATA_EXFILTRATION\n    confidence_threshold: 0.99\n    actions:\n      - action_type: alert_only\n";

        var result = _loader.LoadTexts([("fin.yaml", financial), ("tight.yaml", tighter)]);

        var rule = Assert.Single(result.Policy!.Rules);
        Assert.Equal("DATA_EXFILTRATION#1", rule.Name);
        Assert.Equal(0.99, rule.ConfidenceThreshold);
    }

    [Fact]
    public void LoadFiles_OneInvalidFile_ReturnsNoPolicyAndErrorsOfEveryFile()
    {
        var dir = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), "rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: nope\n");
        File.WriteAllText(Path.Combine(dir.FullName, "b.yml"), "policies:\n  - attack_class: X\n    cooldown_seconds: -1\n    actions:\n      - action_type: alert_only\n");

        var result = _loader.LoadFiles([dir.FullName]);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.Errors.Select(e => e.File).Distinct().Count());
    }
}
