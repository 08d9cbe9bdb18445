using System.Numerics;
using System.Numerics.Tensors;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Tests.Kernels;

public sealed class LstmStepTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(7, 5)]
    [InlineData(9, 1)]
    [InlineData(12, 16)]
    public void Forward_TwoSteps_EqualsGemmThenLstmCell(int rows, int inputs)
    {
        // Arrange: two hidden vectors of units; rows cover the three-row kernel and its one-row tail.
        var size = 2 * Vector<float>.Count;
        var gates = 4 * size;
        var inputWeights = Some.Floats(inputs * gates, 1, 0.5f);
        var recurrentWeights = Some.Floats(size * gates, 2, 0.5f);
        var bias = Some.Floats(gates, 3);
        var x0 = Some.Floats(rows * inputs, 4, 2f);
        var x1 = Some.Floats(rows * inputs, 5, 2f);
        var (expectedCell, expectedHidden) = Reference(x0, x1, inputs, inputWeights, recurrentWeights, bias, rows, size);
        var packed = new float[LstmStep.PackedSize(inputs, size)];
        LstmStep.Pack(inputWeights, recurrentWeights, inputs, size, packed);
        var scratch = new float[rows * gates];
        var cell = new float[rows * size];
        var h0 = new float[rows * size];
        var h1 = new float[rows * size];

        // Act
        LstmStep.Forward(x0, inputs, [], packed, bias, scratch, cell, h0, rows, size, first: true);
        LstmStep.Forward(x1, inputs, h0, packed, bias, scratch, cell, h1, rows, size, first: false);

        // Assert
        Assert.Equal(expectedCell, cell);
        Assert.Equal(expectedHidden, h1);
    }

    [Fact]
    public void Forward_HiddenSizeNotWholeVectors_Throws()
    {
        var size = Vector<float>.Count + 1;

        var error = Assert.Throws<ArgumentException>(() => LstmStep.Forward(
            new float[2], 2, [], new float[LstmStep.PackedSize(2, size)], new float[4 * size], new float[4 * size], new float[size], new float[size], 1, size, first: true));

        Assert.Contains("whole vectors", error.Message, StringComparison.Ordinal);
    }

    // The layer's own route: bias, input projection and recurrent product by Gemm, then LstmCell per row.
    private static (float[] Cell, float[] Hidden) Reference(
        float[] x0, float[] x1, int inputs, float[] inputWeights, float[] recurrentWeights, float[] bias, int rows, int size)
    {
        var gates = 4 * size;
        var cell = new float[2][];
        var hidden = new float[2][];
        for (var t = 0; t < 2; t++)
        {
            var g = new float[rows * gates];
            for (var r = 0; r < rows; r++)
            {
                bias.CopyTo(g, r * gates);
            }

            Gemm.MultiplyAdd(t == 0 ? x0 : x1, inputs, 1, inputWeights, gates, g, gates, rows, inputs, gates);
            if (t > 0)
            {
                Gemm.MultiplyAdd(hidden[0], size, 1, recurrentWeights, gates, g, gates, rows, size, gates);
            }

            cell[t] = new float[rows * size];
            hidden[t] = new float[rows * size];
            var tanhCell = new float[size];
            for (var r = 0; r < rows; r++)
            {
                LstmCell.Forward(g.AsSpan(r * gates, gates), t == 0 ? [] : cell[0].AsSpan(r * size, size),
                    cell[t].AsSpan(r * size, size), tanhCell, hidden[t].AsSpan(r * size, size), size);
            }
        }

        Assert.True(MathF.Abs(TensorPrimitives.MaxMagnitude(hidden[1])) > 0f);
        return (cell[1], hidden[1]);
    }
}
