namespace AutoShield.Detection.Tests.Training;

public sealed class TrainingDataTests
{
    [Fact]
    public void Fingerprint_SameData_SameHashAndAnyChangeAltersIt()
    {
        // Arrange
        var data = SyntheticWindows.Create(perClass: 3, seed: 1);
        var copy = data with { Windows = (float[])data.Windows.Clone(), Labels = (int[])data.Labels.Clone() };
        var otherWindow = copy with { Windows = (float[])data.Windows.Clone() };
        otherWindow.Windows[100] += 1f;
        var otherLabel = copy with { Labels = (int[])data.Labels.Clone() };
        otherLabel.Labels[0] = 2;
        var otherNames = copy with { ClassNames = ["BENIGN", "PORT_SCAN", "DDOS"] };

        // Act
        var fingerprint = data.Fingerprint();

        // Assert
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
        Assert.Equal(fingerprint, copy.Fingerprint());
        Assert.NotEqual(fingerprint, otherWindow.Fingerprint());
        Assert.NotEqual(fingerprint, otherLabel.Fingerprint());
        Assert.NotEqual(fingerprint, otherNames.Fingerprint());
    }
}
