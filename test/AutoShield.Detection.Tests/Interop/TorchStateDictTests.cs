using AutoShield.Detection.Interop;

namespace AutoShield.Detection.Tests.Interop;

public sealed class TorchStateDictTests
{
    [Fact]
    public void ToTorch_TransposedAndConvLayouts_ReorderToTorchIndexing()
    {
        // Our [in=2, out=3] Linear weight → torch [out, in].
        float[] linear = [1, 2, 3, 4, 5, 6];
        var torchLinear = new float[6];
        TorchStateDict.ToTorch(new TorchParameter("w", 0, [3, 2], TorchLayout.Transposed), linear, torchLinear);

        // Our conv [k=2, in=1, out=2] → torch [out, in, k].
        float[] conv = [10, 20, 30, 40];
        var torchConv = new float[4];
        TorchStateDict.ToTorch(new TorchParameter("c", 0, [2, 1, 2], TorchLayout.ConvKernel), conv, torchConv);

        Assert.Equal([1, 4, 2, 5, 3, 6], torchLinear);
        Assert.Equal([10, 30, 20, 40], torchConv);
    }
}
