using AutoShield.Detection.Interop;
using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>The CNN-LSTM classifier of <see cref="CnnLstmSpec"/>; torch names: <c>conv.*</c>, <c>lstm.*</c>, <c>head.*</c>.</summary>
public sealed class CnnLstmNetwork : INetwork
{
    public CnnLstmNetwork(int inputWidth, int steps, int classes, CnnLstmSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.Dropout);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(spec.Dropout, 1f);
        InputWidth = inputWidth;
        Steps = steps;
        Classes = classes;
        Spec = spec;
        Conv = new Conv1D(inputWidth, spec.ConvChannels, spec.KernelSize);
        Lstm = new Lstm(spec.ConvChannels, spec.HiddenSize);
        Head = new Linear(spec.HiddenSize, classes);
        var tensors = new List<TorchParameter>();
        Conv.DescribeTorch("conv.", ConvOffset, tensors);
        Lstm.DescribeTorch("lstm.", LstmOffset, tensors);
        Head.DescribeTorch("head.", HeadOffset, tensors);
        TorchParameters = tensors;
    }

    public int InputWidth { get; }

    public int Steps { get; }

    public int Classes { get; }

    public CnnLstmSpec Spec { get; }

    public Conv1D Conv { get; }

    public Lstm Lstm { get; }

    public Linear Head { get; }

    public int InputSize => Steps * InputWidth;

    public int OutputSize => Classes;

    public int ParameterCount => HeadOffset + Head.ParameterCount;

    public IReadOnlyList<TorchParameter> TorchParameters { get; }

    internal static int ConvOffset => 0;

    internal int LstmOffset => Conv.ParameterCount;

    internal int HeadOffset => LstmOffset + Lstm.ParameterCount;

    public void Initialize(Span<float> parameters, Random random)
    {
        Conv.Initialize(parameters.Slice(ConvOffset, Conv.ParameterCount), random);
        Lstm.Initialize(parameters.Slice(LstmOffset, Lstm.ParameterCount), random);
        Head.Initialize(parameters.Slice(HeadOffset, Head.ParameterCount), random);
    }

    public INetworkPass CreatePass(int maxBatch) => new CnnLstmPass(this, maxBatch);
}
