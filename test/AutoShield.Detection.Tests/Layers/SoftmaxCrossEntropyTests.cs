using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Tests.Layers;

public sealed class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Forward_WeightedBatch_MatchesTorchReduction()
    {
        // Arrange: two samples, three classes, class weights [1, 2, 0.5].
        float[] logits = [1f, 2f, 3f, 0.5f, -1f, 0f];
        int[] labels = [2, 1];
        float[] weights = [1f, 2f, 0.5f];
        var gradient = new float[6];

        // Act
        var loss = SoftmaxCrossEntropy.Forward(logits, labels, 3, weights, gradient);

        // Assert: Σ w_y·(−log p_y) / Σ w_y.
        static double Nll(double[] z, int y) => -(z[y] - Math.Log(z.Sum(Math.Exp)));
        var expected = ((0.5 * Nll([1, 2, 3], 2)) + (2 * Nll([0.5, -1, 0], 1))) / 2.5;
        Assert.Equal(expected, loss, 1e-6);
    }

    [Fact]
    public void Forward_HugeLogits_StaysFinite()
    {
        var gradient = new float[3];
        var loss = SoftmaxCrossEntropy.Forward([1000f, -1000f, 0f], [1], 3, [], gradient);
        Assert.Equal(2000f, loss, 1e-2f);
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void Forward_Gradient_MatchesFiniteDifferences()
    {
        int[] labels = [0, 3, 1, 3];
        float[] weights = [0.5f, 1f, 2f, 1.5f];
        var gradient = new float[16];
        GradientCheck.Verify([], Some.Floats(16, 5, 3f), 1,
            (_, x, y) => y[0] = SoftmaxCrossEntropy.Forward(x, labels, 4, weights, gradient),
            (_, x, dy, _, dx) =>
            {
                SoftmaxCrossEntropy.Forward(x, labels, 4, weights, dx);
                for (var i = 0; i < dx.Length; i++)
                {
                    dx[i] *= dy[0];
                }
            });
    }
}
