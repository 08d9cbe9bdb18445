using AutoShield.Manifests.Checks;

namespace AutoShield.Manifests.Tests.Checks;

public sealed class CheckRegistryTests
{
    [Fact]
    public void BuiltIn_EveryDefaultCheck_NamesAtLeastOneEquivalent()
    {
        var without = CheckRegistry.BuiltIn.All.Where(c => !c.Definition.Equivalents.Entries().Any()).Select(c => c.Definition.Id).ToList();

        Assert.Empty(without);
    }

    [Fact]
    public void BuiltIn_PssChecks_CoverEveryPodSecurityAdmissionCheck()
    {
        string[] psa =
        [
            "windowsHostProcess", "hostNamespaces", "privileged", "capabilities_baseline", "hostPathVolumes", "hostPorts",
            "hostProbesAndHostLifecycle", "appArmorProfile", "seLinuxOptions", "procMount", "seccompProfile_baseline", "sysctls",
            "restrictedVolumes", "allowPrivilegeEscalation", "runAsNonRoot", "runAsUser", "seccompProfile_restricted",
            "capabilities_restricted", "procMount_restricted",
        ];

        var ids = CheckRegistry.BuiltIn.All.Where(c => c.Definition.Profile != CheckProfile.Default).Select(c => c.Definition.Id[4..]).Order().ToList();

        Assert.Equal(psa.Order(), ids);
    }

    [Fact]
    public void Constructor_DuplicateId_Throws()
    {
        var check = CheckRegistry.BuiltIn.All.First();

        var ex = Assert.Throws<ArgumentException>(() => CheckRegistry.BuiltIn.With(check));

        Assert.Contains("duplicate check id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_IncompleteDefinition_Throws()
    {
        var bad = new ObjectCheck(
            new CheckDefinition { Id = "Bad Id", Title = "", Severity = Severity.Low, Category = "x", Kinds = [], Url = "not a url", Description = "", Remediation = "" },
            (_, _) => { });

        var ex = Assert.Throws<ArgumentException>(() => new CheckRegistry([bad]));

        Assert.Contains("must be letters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at least one kind", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute URL", ex.Message, StringComparison.Ordinal);
    }
}
