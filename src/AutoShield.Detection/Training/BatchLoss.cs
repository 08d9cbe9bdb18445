namespace AutoShield.Detection.Training;

/// <summary>The loss of a batch: the samples, the inputs they ran on and the outputs; writes dL/d(output) and returns L.</summary>
internal delegate float BatchLoss(ReadOnlySpan<int> samples, ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputs, Span<float> outputGradient);
