namespace AutoShield.Detection.Training;

/// <summary>Writes the network inputs of the given samples, one after another.</summary>
internal delegate void GatherInputs(ReadOnlySpan<int> samples, Span<float> inputs);
