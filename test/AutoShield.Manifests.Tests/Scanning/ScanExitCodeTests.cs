using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Tests.Scanning;

public sealed class ScanExitCodeTests
{
    private static readonly ScanOptions Privileged = new() { OnlyChecks = new HashSet<string> { "privileged-container" } };

    [Theory]
    [InlineData(Severity.Critical, ScanExitCode.FindingsAtOrAbove)]
    [InlineData(Severity.Low, ScanExitCode.FindingsAtOrAbove)]
    [InlineData(null, ScanExitCode.Ok)]
    public void Compute_CriticalFinding_FailsAtOrBelowItsSeverity(Severity? failOn, int expected)
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment, "d.yaml", Privileged);

        Assert.Equal(expected, ScanExitCode.Compute(report, failOn));
    }

    [Fact]
    public void Compute_InputErrors_WinOverFindings()
    {
        var report = ManifestScanner.ScanText(Some.PrivilegedDeployment + "\n---\n[unclosed", "d.yaml", Privileged);

        Assert.Equal(ScanExitCode.InputErrors, ScanExitCode.Compute(report, null));
    }

    [Theory]
    [InlineData("high", Severity.High)]
    [InlineData("CRITICAL", Severity.Critical)]
    [InlineData("none", null)]
    public void TryParseFailOn_KnownNames_Parse(string text, Severity? expected)
    {
        Assert.True(ScanExitCode.TryParseFailOn(text, out var failOn));
        Assert.Equal(expected, failOn);
    }

    [Theory]
    [InlineData("severe")]
    [InlineData("3")]
    public void TryParseFailOn_Unknown_IsRejected(string text)
    {
        Assert.False(ScanExitCode.TryParseFailOn(text, out _));
    }
}
