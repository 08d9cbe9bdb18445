using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Tests;

/// <summary>Builds policy sets from YAML text in tests, failing loudly on errors.</summary>
public static class Policies
{
    public static PolicySet FromYaml(string yaml)
    {
        var result = new PolicyLoader().LoadTexts([("test.yaml", yaml)]);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Policy!;
    }
}
