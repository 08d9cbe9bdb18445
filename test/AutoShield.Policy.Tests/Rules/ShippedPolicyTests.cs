using AutoShield.Core.Detections;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Tests.Rules;

/// <summary>The policies shipped in config/policies: every file validates with the loader and against the JSON schema, and the two agree on broken ones.</summary>
public sealed class ShippedPolicyTests
{
    private static readonly MiniJsonSchema Schema = new(File.ReadAllText(RepoPaths.Policies("policy.schema.json")));

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Policies(), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Policies(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_ValidatesWithLoaderAndSchema(string file)
    {
        var text = File.ReadAllText(RepoPaths.Policies(file));

        var loaded = new PolicyLoader().LoadText(text, file);
        var schemaErrors = Schema.Validate(MiniJsonSchema.FromYaml(text));

        Assert.Empty(loaded.Errors);
        Assert.Empty(schemaErrors);
    }

    [Fact]
    public void Examples_EverySeedExampleIsShipped()
    {
        var examples = Directory.GetFiles(RepoPaths.Policies("examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["seed-custom-application-protection.yaml", "seed-ecommerce-ddos.yaml", "seed-financial-services.yaml", "seed-healthcare-hipaa.yaml", "seed-lateral-movement-high-confidence.yaml"],
            examples);
    }

    [Fact]
    public void Default_CoversEveryAttackClass()
    {
        var policy = new PolicyLoader().LoadFiles([RepoPaths.Policies("default.yaml")]).Policy!;

        var missing = AttackClass.Known.Where(AttackClass.IsAttack).Where(c => policy.RulesFor(c).Count == 0);

        Assert.Empty(missing);
    }

    [Fact]
    public void Default_DestructiveActionsShipInMonitorMode()
    {
        var policy = new PolicyLoader().LoadFiles([RepoPaths.Policies("default.yaml")]).Policy!;

        var destructive = policy.Rules.Where(r => r.Actions.Concat(r.Escalation.SelectMany(s => s.Actions))
            .Any(a => a.ActionType is "pod_termination" or "node_quarantine")).ToList();

        Assert.NotEmpty(destructive);
        Assert.All(destructive, r => Assert.Equal(RuleMode.Monitor, r.Mode));
    }

    [Fact]
    public void Directory_AllShippedFilesMergeInOrder()
    {
        var result = new PolicyLoader().LoadFiles([RepoPaths.Policies(), RepoPaths.Policies("examples")]);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(6, result.Files.Count);
        // The seed's lateral-movement example has the same name as the default rule, so it replaces it in place.
        var lateral = result.Policy!.Rules.Single(r => r.Name == "Lateral Movement - High Confidence");
        Assert.EndsWith("seed-lateral-movement-high-confidence.yaml", lateral.Location.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  - attack_class: PORT_SCAN\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: port_scan\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    severity: urgent\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    confidence_threshold: 2\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    confidence_threshold: \"0.9\"\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions: []\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: reboot\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    colour: red\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    mode: audit\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: alert_only\n        parameters:\n          priority: urgent\n")]
    [InlineData("rules:\n  - name: a\n    attack_class: PORT_SCAN\n    escalation:\n      steps:\n        - after_detections: 1\n          actions:\n            - action_type: alert_only\n    actions:\n      - action_type: alert_only\n")]
    [InlineData("policy:\n  - attack_class: PORT_SCAN\n")]
    public void BrokenPolicy_RejectedByLoaderAndSchemaAlike(string yaml)
    {
        var loaded = new PolicyLoader().LoadText(yaml, "broken.yaml");
        var schemaErrors = Schema.Validate(MiniJsonSchema.FromYaml(yaml));

        Assert.NotEmpty(loaded.Errors);
        Assert.NotEmpty(schemaErrors);
    }
}
