namespace AutoShield.Detection.Networks;

/// <summary>
/// The activation buffers of one network for one thread: <see cref="Forward"/> keeps what <see cref="Backward"/>
/// needs, and neither allocates. Not thread-safe.
/// </summary>
public interface INetworkPass
{
    int MaxBatch { get; }

    /// <summary>
    /// Runs <paramref name="batch"/> samples. A <paramref name="dropout"/> generator selects training mode (dropout
    /// on, masks drawn from it); null is evaluation mode.
    /// </summary>
    void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, Random? dropout = null);

    /// <summary>
    /// Evaluation-mode <see cref="Forward"/> with the same outputs that may skip keeping what <see cref="Backward"/>
    /// needs, so it can take a faster route; call <see cref="Forward"/> before a <see cref="Backward"/>.
    /// </summary>
    void Infer(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch) => Forward(parameters, input, output, batch);

    /// <summary>
    /// Back-propagates through the last <see cref="Forward"/> (same parameters and input): adds dL/dθ into
    /// <paramref name="parameterGradient"/> and overwrites <paramref name="inputGradient"/> with dL/dx unless it is empty.
    /// </summary>
    void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> outputGradient, Span<float> parameterGradient, Span<float> inputGradient);
}
