using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoShield.Detection.Kernels;

/// <summary>
/// One LSTM cell update for one sequence and step, fused so the four gates, the cell and the hidden state are
/// computed in one pass over registers. Gate blocks follow PyTorch's order: input, forget, cell (g), output.
/// </summary>
internal static class LstmCell
{
    /// <summary>
    /// Activates <paramref name="gates"/> ([4H] pre-activations, in place) and writes c, tanh(c) and h.
    /// An empty <paramref name="previousCell"/> means c₋₁ = 0.
    /// </summary>
    public static void Forward(Span<float> gates, ReadOnlySpan<float> previousCell, Span<float> cell, Span<float> tanhCell, Span<float> hidden, int size)
    {
        if (gates.Length < 4 * size || cell.Length < size || tanhCell.Length < size || hidden.Length < size
            || (!previousCell.IsEmpty && previousCell.Length < size))
        {
            throw new ArgumentException("LSTM cell buffers are shorter than the hidden size.");
        }

        ref var g0 = ref MemoryMarshal.GetReference(gates);
        ref var c = ref MemoryMarshal.GetReference(cell);
        ref var tc = ref MemoryMarshal.GetReference(tanhCell);
        ref var h = ref MemoryMarshal.GetReference(hidden);
        ref var cp = ref MemoryMarshal.GetReference(previousCell);
        var hasPrevious = !previousCell.IsEmpty;
        var w = Vector<float>.Count;
        var j = 0;
        for (; j + w <= size; j += w)
        {
            var ig = VectorMath.Sigmoid(Vector.LoadUnsafe(ref g0, (nuint)j));
            var fg = VectorMath.Sigmoid(Vector.LoadUnsafe(ref g0, (nuint)(size + j)));
            var gg = VectorMath.Tanh(Vector.LoadUnsafe(ref g0, (nuint)((2 * size) + j)));
            var og = VectorMath.Sigmoid(Vector.LoadUnsafe(ref g0, (nuint)((3 * size) + j)));
            var cv = ig * gg;
            if (hasPrevious)
            {
                cv = Vector.FusedMultiplyAdd(fg, Vector.LoadUnsafe(ref cp, (nuint)j), cv);
            }

            var tcv = VectorMath.Tanh(cv);
            ig.StoreUnsafe(ref g0, (nuint)j);
            fg.StoreUnsafe(ref g0, (nuint)(size + j));
            gg.StoreUnsafe(ref g0, (nuint)((2 * size) + j));
            og.StoreUnsafe(ref g0, (nuint)((3 * size) + j));
            cv.StoreUnsafe(ref c, (nuint)j);
            tcv.StoreUnsafe(ref tc, (nuint)j);
            (og * tcv).StoreUnsafe(ref h, (nuint)j);
        }

        for (; j < size; j++)
        {
            var ig = VectorMath.Sigmoid(Unsafe.Add(ref g0, j));
            var fg = VectorMath.Sigmoid(Unsafe.Add(ref g0, size + j));
            var gg = VectorMath.Tanh(Unsafe.Add(ref g0, (2 * size) + j));
            var og = VectorMath.Sigmoid(Unsafe.Add(ref g0, (3 * size) + j));
            var cv = ig * gg;
            if (hasPrevious)
            {
                cv = MathF.FusedMultiplyAdd(fg, Unsafe.Add(ref cp, j), cv);
            }

            var tcv = VectorMath.Tanh(cv);
            Unsafe.Add(ref g0, j) = ig;
            Unsafe.Add(ref g0, size + j) = fg;
            Unsafe.Add(ref g0, (2 * size) + j) = gg;
            Unsafe.Add(ref g0, (3 * size) + j) = og;
            Unsafe.Add(ref c, j) = cv;
            Unsafe.Add(ref tc, j) = tcv;
            Unsafe.Add(ref h, j) = og * tcv;
        }
    }

    /// <summary>
    /// Back-propagates one step: from dh and the running dc (updated in place to dc₋₁) to the pre-activation
    /// gate gradients <paramref name="gateGradient"/> ([4H]).
    /// </summary>
    public static void Backward(
        ReadOnlySpan<float> gates, ReadOnlySpan<float> previousCell, ReadOnlySpan<float> tanhCell,
        ReadOnlySpan<float> hiddenGradient, Span<float> cellGradient, Span<float> gateGradient, int size)
    {
        gates = gates[..(4 * size)];
        tanhCell = tanhCell[..size];
        hiddenGradient = hiddenGradient[..size];
        cellGradient = cellGradient[..size];
        gateGradient = gateGradient[..(4 * size)];
        for (var j = 0; j < size; j++)
        {
            var ig = gates[j];
            var fg = gates[size + j];
            var gg = gates[(2 * size) + j];
            var og = gates[(3 * size) + j];
            var tcv = tanhCell[j];
            var dh = hiddenGradient[j];
            var dc = cellGradient[j] + (dh * og * (1f - (tcv * tcv)));
            var cPrev = previousCell.IsEmpty ? 0f : previousCell[j];
            gateGradient[j] = dc * gg * ig * (1f - ig);
            gateGradient[size + j] = dc * cPrev * fg * (1f - fg);
            gateGradient[(2 * size) + j] = dc * ig * (1f - (gg * gg));
            gateGradient[(3 * size) + j] = dh * tcv * og * (1f - og);
            cellGradient[j] = dc * fg;
        }
    }
}
