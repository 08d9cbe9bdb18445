using System.Numerics.Tensors;
using AutoShield.Detection.Interop;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Layers;

/// <summary>
/// Multi-head scaled dot-product self-attention as torch's <c>nn.MultiheadAttention</c> with q = k = v = x:
/// a packed input projection to Q, K, V, softmax(QKᵀ/√d_k) per head (with dropout on the weights in training),
/// and an output projection. Parameters: the input projection (<see cref="Linear"/> d → 3d) then the output one.
/// </summary>
public sealed class MultiHeadSelfAttention
{
    public MultiHeadSelfAttention(int width, int heads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heads);
        if (width % heads != 0)
        {
            throw new ArgumentException($"model width {width} is not a multiple of the {heads} heads", nameof(heads));
        }

        Width = width;
        Heads = heads;
        InProjection = new Linear(width, 3 * width);
        OutProjection = new Linear(width, width);
    }

    public int Width { get; }

    public int Heads { get; }

    public int HeadWidth => Width / Heads;

    public Linear InProjection { get; }

    public Linear OutProjection { get; }

    public int ParameterCount => InProjection.ParameterCount + OutProjection.ParameterCount;

    /// <summary>Kept for backward: Q|K|V [rows, 3d], attention weights and dropout mask [B, heads, T, T] each, context [rows, d].</summary>
    public int CacheSize(int batch, int steps) =>
        (batch * steps * 4 * Width) + (2 * batch * Heads * steps * steps);

    public int ForwardScratchSize(int steps) => (HeadWidth * steps) + (steps * steps);

    public int BackwardScratchSize(int batch, int steps) =>
        (batch * steps * 4 * Width) + (HeadWidth * steps) + (2 * steps * steps) + InProjection.BackwardScratchSize;

    public void Initialize(Span<float> parameters, Random random)
    {
        // torch: xavier_uniform on the packed input weights, zero input and output biases.
        var inWeights = parameters[..(Width * 3 * Width)];
        ParameterInit.Uniform(inWeights, MathF.Sqrt(6f / (Width + (3 * Width))), random);
        parameters.Slice(inWeights.Length, 3 * Width).Clear();
        var output = parameters.Slice(InProjection.ParameterCount, OutProjection.ParameterCount);
        ParameterInit.Uniform(output[..(Width * Width)], ParameterInit.FanInBound(Width), random);
        output.Slice(Width * Width, Width).Clear();
    }

    /// <summary>[batch, steps, d] → [batch, steps, d]; dropout on the attention weights when <paramref name="random"/> is given.</summary>
    public void Forward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, Span<float> cache, Span<float> scratch,
        int batch, int steps, float dropout, Random? random)
    {
        var rows = batch * steps;
        var stride = 3 * Width;
        var headWidth = HeadWidth;
        var scale = 1f / MathF.Sqrt(headWidth);
        var squares = steps * steps;
        var qkv = cache[..(rows * stride)];
        var weights = cache.Slice(rows * stride, batch * Heads * squares);
        var masks = cache.Slice((rows * stride) + (batch * Heads * squares), batch * Heads * squares);
        var context = cache.Slice((rows * stride) + (2 * batch * Heads * squares), rows * Width);
        var keysTransposed = scratch[..(headWidth * steps)];
        var dropped = scratch.Slice(headWidth * steps, squares);
        var applyDropout = random is not null && dropout > 0f;

        InProjection.Forward(parameters[..InProjection.ParameterCount], input, qkv, rows);
        context.Clear();
        for (var b = 0; b < batch; b++)
        {
            for (var h = 0; h < Heads; h++)
            {
                var q = qkv.Slice((b * steps * stride) + (h * headWidth));
                var k = q[Width..];
                var v = q[(2 * Width)..];
                for (var t = 0; t < steps; t++)
                {
                    for (var i = 0; i < headWidth; i++)
                    {
                        keysTransposed[(i * steps) + t] = k[(t * stride) + i];
                    }
                }

                var block = ((b * Heads) + h) * squares;
                var attention = weights.Slice(block, squares);
                attention.Clear();
                Gemm.MultiplyAdd(q, stride, 1, keysTransposed, steps, attention, steps, steps, headWidth, steps);
                TensorPrimitives.Multiply(attention, scale, attention);
                for (var t = 0; t < steps; t++)
                {
                    Softmax.Apply(attention.Slice(t * steps, steps), attention.Slice(t * steps, steps));
                }

                ReadOnlySpan<float> used = attention;
                if (applyDropout)
                {
                    Dropout.Forward(attention, dropped, masks.Slice(block, squares), dropout, random!);
                    used = dropped;
                }

                var headContext = context[((b * steps * Width) + (h * headWidth))..];
                Gemm.MultiplyAdd(used, steps, 1, v, stride, headContext, Width, steps, steps, headWidth);
            }
        }

        OutProjection.Forward(parameters.Slice(InProjection.ParameterCount, OutProjection.ParameterCount), context, output, rows);
    }

    /// <summary>Adds the parameter gradients and overwrites dL/dx; <paramref name="dropoutApplied"/> must match the forward call.</summary>
    public void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> cache, ReadOnlySpan<float> outputGradient,
        Span<float> parameterGradient, Span<float> inputGradient, Span<float> scratch, int batch, int steps, bool dropoutApplied)
    {
        var rows = batch * steps;
        var stride = 3 * Width;
        var headWidth = HeadWidth;
        var scale = 1f / MathF.Sqrt(headWidth);
        var squares = steps * steps;
        var qkv = cache[..(rows * stride)];
        var weights = cache.Slice(rows * stride, batch * Heads * squares);
        var masks = cache.Slice((rows * stride) + (batch * Heads * squares), batch * Heads * squares);
        var context = cache.Slice((rows * stride) + (2 * batch * Heads * squares), rows * Width);
        var qkvGradient = scratch[..(rows * stride)];
        var contextGradient = scratch.Slice(rows * stride, rows * Width);
        var valuesTransposed = scratch.Slice(rows * 4 * Width, headWidth * steps);
        var probabilityGradient = scratch.Slice((rows * 4 * Width) + (headWidth * steps), squares);
        var dropped = scratch.Slice((rows * 4 * Width) + (headWidth * steps) + squares, squares);
        var linearScratch = scratch.Slice((rows * 4 * Width) + (headWidth * steps) + (2 * squares), InProjection.BackwardScratchSize);
        var inParameters = parameters[..InProjection.ParameterCount];
        var outParameters = parameters.Slice(InProjection.ParameterCount, OutProjection.ParameterCount);

        OutProjection.Backward(outParameters, context, outputGradient,
            parameterGradient.Slice(InProjection.ParameterCount, OutProjection.ParameterCount), contextGradient, linearScratch, rows);
        qkvGradient.Clear();
        for (var b = 0; b < batch; b++)
        {
            for (var h = 0; h < Heads; h++)
            {
                var offset = (b * steps * stride) + (h * headWidth);
                var q = qkv[offset..];
                var k = q[Width..];
                var v = q[(2 * Width)..];
                var dq = qkvGradient[offset..];
                var dk = dq[Width..];
                var dv = dq[(2 * Width)..];
                var headContextGradient = contextGradient[((b * steps * Width) + (h * headWidth))..];
                var block = ((b * Heads) + h) * squares;
                var attention = weights.Slice(block, squares);
                var mask = masks.Slice(block, squares);
                ReadOnlySpan<float> used = attention;
                if (dropoutApplied)
                {
                    TensorPrimitives.Multiply(attention, mask, dropped);
                    used = dropped;
                }

                for (var t = 0; t < steps; t++)
                {
                    for (var i = 0; i < headWidth; i++)
                    {
                        valuesTransposed[(i * steps) + t] = v[(t * stride) + i];
                    }
                }

                probabilityGradient.Clear();
                Gemm.MultiplyAdd(headContextGradient, Width, 1, valuesTransposed, steps, probabilityGradient, steps, steps, headWidth, steps);
                Gemm.MultiplyAdd(used, 1, steps, headContextGradient, Width, dv, stride, steps, steps, headWidth);
                if (dropoutApplied)
                {
                    TensorPrimitives.Multiply(probabilityGradient, mask, probabilityGradient);
                }

                // Softmax backward per row, with the 1/√d_k of the scores folded in: dS = scale·P ⊙ (dP − ⟨P, dP⟩).
                for (var t = 0; t < steps; t++)
                {
                    var p = attention.Slice(t * steps, steps);
                    var dp = probabilityGradient.Slice(t * steps, steps);
                    var inner = TensorPrimitives.Dot(p, dp);
                    TensorPrimitives.Subtract(dp, inner, dp);
                    TensorPrimitives.Multiply(dp, p, dp);
                    TensorPrimitives.Multiply(dp, scale, dp);
                }

                Gemm.MultiplyAdd(probabilityGradient, steps, 1, k, stride, dq, stride, steps, steps, headWidth);
                Gemm.MultiplyAdd(probabilityGradient, 1, steps, q, stride, dk, stride, steps, steps, headWidth);
            }
        }

        InProjection.Backward(inParameters, input, qkvGradient, parameterGradient[..InProjection.ParameterCount], inputGradient, linearScratch, rows);
    }

    /// <summary>The torch <c>nn.MultiheadAttention</c> tensors under <paramref name="prefix"/>.</summary>
    public void DescribeTorch(string prefix, int offset, ICollection<TorchParameter> into)
    {
        into.Add(new TorchParameter(prefix + "in_proj_weight", offset, [3 * Width, Width], TorchLayout.Transposed));
        into.Add(new TorchParameter(prefix + "in_proj_bias", offset + (3 * Width * Width), [3 * Width], TorchLayout.Identity));
        OutProjection.DescribeTorch(prefix + "out_proj.", offset + InProjection.ParameterCount, into);
    }
}
