using AutoShield.Core.Detections;
using AutoShield.Detection.Data;

namespace AutoShield.Detection.Tests.Data;

public sealed class LabelMapTests
{
    [Theory]
    [InlineData("BENIGN", AttackClass.Benign)]
    [InlineData("PortScan", AttackClass.PortScan)]
    [InlineData("Portscan", AttackClass.PortScan)]
    [InlineData("Infiltration - Portscan", AttackClass.PortScan)]
    [InlineData("DDoS", AttackClass.SynFlood)]
    [InlineData("DoS Hulk", AttackClass.SynFlood)]
    [InlineData("DoS GoldenEye", AttackClass.SynFlood)]
    [InlineData("DoS slowloris", AttackClass.SynFlood)]
    [InlineData("DoS Slowhttptest", AttackClass.SynFlood)]
    [InlineData("FTP-Patator", AttackClass.BruteForce)]
    [InlineData("SSH-Patator", AttackClass.BruteForce)]
    [InlineData("Web Attack - Brute Force", AttackClass.BruteForce)]
    [InlineData("Web Attack \u2013 Brute Force", AttackClass.BruteForce)]
    [InlineData("Web Attack - XSS", AttackClass.WebAttack)]
    [InlineData("Web Attack - SQL Injection", AttackClass.WebAttack)]
    [InlineData("Heartbleed", AttackClass.WebAttack)]
    [InlineData("Bot", AttackClass.C2Beacon)]
    [InlineData("Botnet", AttackClass.C2Beacon)]
    [InlineData("Infiltration", AttackClass.LateralMovement)]
    [InlineData("DATA_EXFILTRATION", AttackClass.DataExfiltration)]
    [InlineData("c2_beacon", AttackClass.C2Beacon)]
    public void ToClass_KnownLabel_MapsToClass(string label, string expected)
    {
        Assert.Equal(expected, LabelMap.ToClass(label));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DoS Hulk - Attempted")]
    [InlineData("Something else")]
    public void ToClass_MissingAttemptedOrUnknown_IsNull(string? label)
    {
        Assert.Null(LabelMap.ToClass(label));
    }
}
