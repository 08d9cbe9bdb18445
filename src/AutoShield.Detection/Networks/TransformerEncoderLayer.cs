using System.Numerics.Tensors;
using AutoShield.Detection.Interop;
using AutoShield.Detection.Layers;

namespace AutoShield.Detection.Networks;

/// <summary>
/// One post-norm encoder layer as torch's <c>nn.TransformerEncoderLayer(norm_first=False)</c>:
/// x = norm1(x + dropout(attention(x))); x = norm2(x + dropout(linear2(dropout(gelu(linear1(x)))))).
/// Parameters in torch's <c>state_dict</c> order: self_attn, linear1, linear2, norm1, norm2.
/// </summary>
public sealed class TransformerEncoderLayer
{
    public TransformerEncoderLayer(int width, int heads, int feedForward, float dropout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dropout);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dropout, 1f);
        Width = width;
        FeedForward = feedForward;
        DropoutRate = dropout;
        Attention = new MultiHeadSelfAttention(width, heads);
        Linear1 = new Linear(width, feedForward);
        Linear2 = new Linear(feedForward, width);
        Norm1 = new LayerNorm(width);
        Norm2 = new LayerNorm(width);
    }

    public int Width { get; }

    public int FeedForward { get; }

    public float DropoutRate { get; }

    public MultiHeadSelfAttention Attention { get; }

    public Linear Linear1 { get; }

    public Linear Linear2 { get; }

    public LayerNorm Norm1 { get; }

    public LayerNorm Norm2 { get; }

    public int ParameterCount => Norm2Offset + Norm2.ParameterCount;

    private int Linear1Offset => Attention.ParameterCount;

    private int Linear2Offset => Linear1Offset + Linear1.ParameterCount;

    private int Norm1Offset => Linear2Offset + Linear2.ParameterCount;

    private int Norm2Offset => Norm1Offset + Norm1.ParameterCount;

    public void Initialize(Span<float> parameters, Random random)
    {
        Attention.Initialize(parameters[..Attention.ParameterCount], random);
        Linear1.Initialize(parameters.Slice(Linear1Offset, Linear1.ParameterCount), random);
        Linear2.Initialize(parameters.Slice(Linear2Offset, Linear2.ParameterCount), random);
        Norm1.Initialize(parameters.Slice(Norm1Offset, Norm1.ParameterCount));
        Norm2.Initialize(parameters.Slice(Norm2Offset, Norm2.ParameterCount));
    }

    internal EncoderLayerBuffers CreateBuffers(int maxBatch, int steps) => new(this, maxBatch, steps);

    internal void Forward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, EncoderLayerBuffers buffers, int batch, int steps, Random? random)
    {
        var rows = batch * steps;
        var wide = rows * Width;
        var ff = rows * FeedForward;
        var training = random is not null && DropoutRate > 0f;
        buffers.Training = training;
        var attention = buffers.Attention.AsSpan(0, wide);
        Attention.Forward(parameters[..Attention.ParameterCount], input, attention, buffers.AttentionCache, buffers.AttentionScratch,
            batch, steps, DropoutRate, random);
        if (training)
        {
            Dropout.Forward(attention, attention, buffers.Mask1, DropoutRate, random!);
        }

        var sum1 = buffers.Sum1.AsSpan(0, wide);
        TensorPrimitives.Add(input[..wide], attention, sum1);
        var hidden = buffers.Hidden.AsSpan(0, wide);
        Norm1.Forward(parameters.Slice(Norm1Offset, Norm1.ParameterCount), sum1, hidden, buffers.Norm1Cache, rows);

        var expanded = buffers.Expanded.AsSpan(0, ff);
        Linear1.Forward(parameters.Slice(Linear1Offset, Linear1.ParameterCount), hidden, expanded, rows);
        var activated = buffers.Activated.AsSpan(0, ff);
        Gelu.Forward(expanded, activated);
        if (training)
        {
            Dropout.Forward(activated, activated, buffers.MaskFeedForward, DropoutRate, random!);
        }

        var projected = buffers.Projected.AsSpan(0, wide);
        Linear2.Forward(parameters.Slice(Linear2Offset, Linear2.ParameterCount), activated, projected, rows);
        if (training)
        {
            Dropout.Forward(projected, projected, buffers.Mask2, DropoutRate, random!);
        }

        var sum2 = buffers.Sum2.AsSpan(0, wide);
        TensorPrimitives.Add(hidden, projected, sum2);
        Norm2.Forward(parameters.Slice(Norm2Offset, Norm2.ParameterCount), sum2, output, buffers.Norm2Cache, rows);
    }

    internal void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> parameterGradient,
        Span<float> inputGradient, EncoderLayerBuffers buffers, int batch, int steps)
    {
        var rows = batch * steps;
        var wide = rows * Width;
        var ff = rows * FeedForward;
        var training = buffers.Training;
        var g = buffers.Gradients;
        var sumGradient = g.Sum.AsSpan(0, wide);
        Norm2.Backward(parameters.Slice(Norm2Offset, Norm2.ParameterCount), buffers.Norm2Cache, outputGradient,
            parameterGradient.Slice(Norm2Offset, Norm2.ParameterCount), sumGradient, rows);

        // Residual: the sum's gradient reaches both the feed-forward branch and the normalised hidden state.
        var branchGradient = g.Branch.AsSpan(0, wide);
        sumGradient.CopyTo(branchGradient);
        if (training)
        {
            Dropout.Backward(branchGradient, buffers.Mask2, branchGradient);
        }

        var activatedGradient = g.Activated.AsSpan(0, ff);
        Linear2.Backward(parameters.Slice(Linear2Offset, Linear2.ParameterCount), buffers.Activated.AsSpan(0, ff), branchGradient,
            parameterGradient.Slice(Linear2Offset, Linear2.ParameterCount), activatedGradient, g.Scratch, rows);
        if (training)
        {
            Dropout.Backward(activatedGradient, buffers.MaskFeedForward, activatedGradient);
        }

        Gelu.Backward(buffers.Expanded.AsSpan(0, ff), activatedGradient, activatedGradient);
        var hiddenGradient = g.Hidden.AsSpan(0, wide);
        Linear1.Backward(parameters.Slice(Linear1Offset, Linear1.ParameterCount), buffers.Hidden.AsSpan(0, wide), activatedGradient,
            parameterGradient.Slice(Linear1Offset, Linear1.ParameterCount), hiddenGradient, g.Scratch, rows);
        TensorPrimitives.Add(hiddenGradient, sumGradient, hiddenGradient);

        Norm1.Backward(parameters.Slice(Norm1Offset, Norm1.ParameterCount), buffers.Norm1Cache, hiddenGradient,
            parameterGradient.Slice(Norm1Offset, Norm1.ParameterCount), sumGradient, rows);
        sumGradient.CopyTo(branchGradient);
        if (training)
        {
            Dropout.Backward(branchGradient, buffers.Mask1, branchGradient);
        }

        Attention.Backward(parameters[..Attention.ParameterCount], input, buffers.AttentionCache, branchGradient,
            parameterGradient[..Attention.ParameterCount], inputGradient, g.AttentionScratch, batch, steps, training);
        TensorPrimitives.Add(inputGradient[..wide], sumGradient, inputGradient[..wide]);
    }

    /// <summary>The torch <c>nn.TransformerEncoderLayer</c> tensors under <paramref name="prefix"/>.</summary>
    public void DescribeTorch(string prefix, int offset, ICollection<TorchParameter> into)
    {
        Attention.DescribeTorch(prefix + "self_attn.", offset, into);
        Linear1.DescribeTorch(prefix + "linear1.", offset + Linear1Offset, into);
        Linear2.DescribeTorch(prefix + "linear2.", offset + Linear2Offset, into);
        Norm1.DescribeTorch(prefix + "norm1.", offset + Norm1Offset, into);
        Norm2.DescribeTorch(prefix + "norm2.", offset + Norm2Offset, into);
    }
}
