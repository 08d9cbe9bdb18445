using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Tests.Networks;

public sealed class CnnLstmInferenceTests
{
    // 1 and 2 take the split path, 3..64 one fused chunk, 67 and 130 several chunks with a ragged last one.
    public static TheoryData<int> Batches => [1, 2, 3, 4, 5, 64, 67, 130];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Infer_ShippedShape_EqualsForwardBitForBit(int batch)
    {
        // Arrange: the default model's shape (14 inputs, 20 rows, conv 32 k3, hidden 32, 8 classes).
        var network = new CnnLstmSpec().Build(14, 20, 8);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(3));
        var inputs = Some.Floats(batch * network.InputSize, 4, 3f);
        var expected = new float[batch * network.OutputSize];
        var actual = new float[batch * network.OutputSize];

        // Act
        network.CreatePass(batch).Forward(parameters, inputs, expected, batch);
        network.CreatePass(batch).Infer(parameters, inputs, actual, batch);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(4, 2, 8)]
    [InlineData(16, 4, 24)]
    [InlineData(8, 5, 6)]
    public void Infer_OtherShapes_EqualsForwardBitForBit(int convChannels, int kernelSize, int hiddenSize)
    {
        // Arrange: an even kernel (asymmetric padding) and a hidden size that is not whole vectors (fallback).
        var network = new CnnLstmSpec(convChannels, kernelSize, hiddenSize).Build(3, 7, 4);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(11));
        const int batch = 70;
        var inputs = Some.Floats(batch * network.InputSize, 12, 2f);
        var expected = new float[batch * network.OutputSize];
        var actual = new float[batch * network.OutputSize];

        // Act
        network.CreatePass(batch).Forward(parameters, inputs, expected, batch);
        network.CreatePass(batch).Infer(parameters, inputs, actual, batch);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Infer_SmallerBatchAfterLarger_EqualsForward()
    {
        // Arrange: stale chunk state from a larger batch must not leak into the next one.
        var network = new CnnLstmSpec().Build(14, 20, 8);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(5));
        var pass = network.CreatePass(100);
        var large = Some.Floats(100 * network.InputSize, 6, 3f);
        var small = Some.Floats(7 * network.InputSize, 7, 3f);
        var expected = new float[7 * network.OutputSize];
        network.CreatePass(7).Forward(parameters, small, expected, 7);
        var actual = new float[7 * network.OutputSize];

        // Act
        pass.Infer(parameters, large, new float[100 * network.OutputSize], 100);
        pass.Infer(parameters, small, actual, 7);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Infer_AfterFirstBatch_AllocatesNothing()
    {
        // Arrange
        var network = new CnnLstmSpec().Build(14, 20, 8);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(8));
        const int batch = 256;
        var pass = network.CreatePass(batch);
        var inputs = Some.Floats(batch * network.InputSize, 9, 3f);
        var outputs = new float[batch * network.OutputSize];
        pass.Infer(parameters, inputs, outputs, batch);

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        pass.Infer(parameters, inputs, outputs, batch);
        pass.Infer(parameters, inputs, outputs, 1);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.Equal(0, allocated);
    }
}
