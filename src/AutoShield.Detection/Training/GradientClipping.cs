using System.Numerics.Tensors;

namespace AutoShield.Detection.Training;

/// <summary>Global-norm gradient clipping, as torch's <c>clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>Scales <paramref name="gradients"/> so their L2 norm is at most <paramref name="maxNorm"/>; returns the norm before.</summary>
    public static float ClipByGlobalNorm(Span<float> gradients, float maxNorm)
    {
        var norm = TensorPrimitives.Norm(gradients);
        if (maxNorm > 0f && norm > maxNorm)
        {
            TensorPrimitives.Multiply(gradients, maxNorm / (norm + 1e-6f), gradients);
        }

        return norm;
    }
}
