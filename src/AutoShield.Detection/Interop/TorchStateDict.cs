using System.Text.Json;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Interop;

/// <summary>
/// Converts a network's flat parameters to PyTorch <c>state_dict</c> tensors (torch element order), so the same
/// weights run in torch for parity checks and benchmarks, or a C#-trained model can be inspected there.
/// </summary>
public static class TorchStateDict
{
    /// <summary>Writes <paramref name="tensor"/>'s values in torch element order into <paramref name="destination"/>.</summary>
    public static void ToTorch(TorchParameter tensor, ReadOnlySpan<float> parameters, Span<float> destination)
    {
        var source = parameters.Slice(tensor.Offset, tensor.Count);
        destination = destination[..tensor.Count];
        switch (tensor.Layout)
        {
            case TorchLayout.Identity:
                source.CopyTo(destination);
                break;
            case TorchLayout.Transposed:
                {
                    // Torch [rows, cols] from our [cols, rows].
                    int rows = tensor.Shape[0], cols = tensor.Shape[1];
                    for (var r = 0; r < rows; r++)
                    {
                        for (var c = 0; c < cols; c++)
                        {
                            destination[(r * cols) + c] = source[(c * rows) + r];
                        }
                    }

                    break;
                }

            case TorchLayout.ConvKernel:
                {
                    // Torch [out, in, k] from our [k, in, out].
                    int outputs = tensor.Shape[0], inputs = tensor.Shape[1], kernel = tensor.Shape[2];
                    for (var o = 0; o < outputs; o++)
                    {
                        for (var c = 0; c < inputs; c++)
                        {
                            for (var j = 0; j < kernel; j++)
                            {
                                destination[(((o * inputs) + c) * kernel) + j] = source[(((j * inputs) + c) * outputs) + o];
                            }
                        }
                    }

                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(tensor), tensor.Layout, "unknown layout");
        }
    }

    /// <summary>
    /// Writes <c>{"name": {"shape": [...], "values": [...]}, ...}</c> for every tensor of <paramref name="network"/>;
    /// floats are written in shortest round-trip form, so torch reads back the identical float32 values.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, INetwork network, ReadOnlySpan<float> parameters)
    {
        writer.WriteStartObject();
        foreach (var tensor in network.TorchParameters)
        {
            var values = new float[tensor.Count];
            ToTorch(tensor, parameters, values);
            writer.WriteStartObject(tensor.Name);
            writer.WriteStartArray("shape");
            foreach (var dimension in tensor.Shape)
            {
                writer.WriteNumberValue(dimension);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("values");
            foreach (var value in values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the architecture object the PyTorch twins (<c>autoshield_torch.build</c>) read: <c>kind</c>, the input
    /// shape, the class count and the spec's hyper-parameters.
    /// </summary>
    public static void WriteArchitecture(Utf8JsonWriter writer, INetwork network)
    {
        writer.WriteStartObject();
        switch (network)
        {
            case CnnLstmNetwork n:
                writer.WriteString("kind", CnnLstmSpec.Kind);
                WriteShape(writer, n.InputWidth, n.Steps, n.Classes);
                writer.WriteNumber("convChannels", n.Spec.ConvChannels);
                writer.WriteNumber("kernelSize", n.Spec.KernelSize);
                writer.WriteNumber("hiddenSize", n.Spec.HiddenSize);
                writer.WriteNumber("dropout", n.Spec.Dropout);
                break;
            case TransformerNetwork n:
                writer.WriteString("kind", TransformerSpec.Kind);
                WriteShape(writer, n.InputWidth, n.Steps, n.Classes);
                writer.WriteNumber("modelWidth", n.Spec.ModelWidth);
                writer.WriteNumber("heads", n.Spec.Heads);
                writer.WriteNumber("layers", n.Spec.Layers);
                writer.WriteNumber("feedForwardWidth", n.Spec.FeedForwardWidth);
                writer.WriteString("pooling", n.Spec.Pooling.ToString());
                writer.WriteNumber("dropout", n.Spec.Dropout);
                break;
            case DenseAutoencoder n:
                writer.WriteString("kind", "dense-autoencoder");
                writer.WriteNumber("inputSize", n.InputSize);
                writer.WriteNumber("hiddenSize", n.Spec.HiddenSize);
                writer.WriteNumber("codeSize", n.Spec.CodeSize);
                break;
            default:
                throw new ArgumentException($"no PyTorch twin for {network.GetType().Name}", nameof(network));
        }

        writer.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter writer, int inputWidth, int steps, int classes)
    {
        writer.WriteNumber("inputWidth", inputWidth);
        writer.WriteNumber("steps", steps);
        writer.WriteNumber("classes", classes);
    }
}
