using AutoShield.Detection.Interop;

namespace AutoShield.Detection.Networks;

/// <summary>
/// A network with fixed per-sample input and output sizes whose parameters live outside it in one flat array, so
/// one immutable network serves any number of threads, each with its own <see cref="INetworkPass"/>.
/// </summary>
public interface INetwork
{
    /// <summary>Floats per sample in (for the classifiers: steps × input width, row-major).</summary>
    int InputSize { get; }

    /// <summary>Floats per sample out (logits for the classifiers, the reconstruction for the autoencoder).</summary>
    int OutputSize { get; }

    int ParameterCount { get; }

    /// <summary>The parameters as PyTorch tensors, in <c>state_dict</c> order.</summary>
    IReadOnlyList<TorchParameter> TorchParameters { get; }

    /// <summary>Seeded initial parameters with torch's default schemes.</summary>
    void Initialize(Span<float> parameters, Random random);

    /// <summary>Buffers for batches of up to <paramref name="maxBatch"/> samples; one pass per thread.</summary>
    INetworkPass CreatePass(int maxBatch);
}
