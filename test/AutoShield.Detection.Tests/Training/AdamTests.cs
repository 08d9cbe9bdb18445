using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Training;

public sealed class AdamTests
{
    [Fact]
    public void Update_FirstStep_MovesEachParameterByLearningRateAgainstGradientSign()
    {
        // Arrange: after bias correction m̂ = g and v̂ = g², so the first step is lr·g/(|g| + ε).
        var adam = new Adam(11, learningRate: 0.1f);
        var parameters = new float[11];
        var gradients = Some.Floats(11, 1, 5f);

        // Act
        adam.Update(parameters, gradients);

        // Assert
        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(-0.1f * MathF.Sign(gradients[i]), parameters[i], 1e-5f);
        }
    }

    [Fact]
    public void Update_ConstantGradientManySteps_MatchesReferenceRecurrence()
    {
        var adam = new Adam(9, learningRate: 0.01f, weightDecay: 0.1f);
        var parameters = Enumerable.Repeat(1f, 9).ToArray();
        double reference = 1, m = 0, v = 0;

        for (var t = 1; t <= 50; t++)
        {
            var gradient = 0.5 * reference;
            adam.Update(parameters, Enumerable.Repeat((float)gradient, 9).ToArray());
            reference *= 1 - (0.01 * 0.1);
            m = (0.9 * m) + (0.1 * gradient);
            v = (0.999 * v) + (0.001 * gradient * gradient);
            reference -= 0.01 * (m / (1 - Math.Pow(0.9, t))) / (Math.Sqrt(v / (1 - Math.Pow(0.999, t))) + 1e-8);
        }

        Assert.All(parameters, p => Assert.Equal(reference, p, 1e-4));
    }

    [Fact]
    public void ClipByGlobalNorm_LargeGradient_ScalesToMaxNorm()
    {
        float[] gradients = [3f, 4f];

        var norm = GradientClipping.ClipByGlobalNorm(gradients, 1f);

        Assert.Equal(5f, norm, 1e-6f);
        Assert.Equal(0.6f, gradients[0], 1e-5f);
        Assert.Equal(0.8f, gradients[1], 1e-5f);
        float[] small = [0.3f, 0.4f];
        GradientClipping.ClipByGlobalNorm(small, 1f);
        Assert.Equal([0.3f, 0.4f], small);
    }
}
