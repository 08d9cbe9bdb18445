using System.Text.Json;
using AutoShield.Detection.Interop;
using AutoShield.Detection.Layers;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Tests.Interop;

/// <summary>
/// The same weights and inputs through our networks and their PyTorch twins (python/torch_parity.py): outputs,
/// weighted loss, every parameter gradient and the input gradient must agree. All cases share one Python run.
/// </summary>
public sealed class TorchParityTests
{
    private const int Samples = 8;

    private static readonly string[] Names = ["cnn-lstm", "cnn-lstm-wide", "transformer-mean", "transformer-last", "autoencoder"];

    private static readonly Lazy<(Dictionary<string, Case> Ours, JsonDocument Torch)> Results = new(RunAll);

    public static TheoryData<string> Cases => [.. Names];

    [TorchTheory]
    [MemberData(nameof(Cases))]
    public void Network_SameWeightsAndInputs_MatchesPyTorch(string name)
    {
        // Arrange + Act: ours in evaluation mode, torch's from the shared run.
        var (all, torch) = Results.Value;
        var ours = all[name];
        var theirs = torch.RootElement.GetProperty("results").GetProperty(name);

        // Assert
        AssertClose("outputs", Read(theirs.GetProperty("outputs")), ours.Outputs, 1e-4, 0);
        Assert.Equal(theirs.GetProperty("loss").GetDouble(), ours.Loss, 1e-5);
        var gradients = theirs.GetProperty("gradients");
        foreach (var tensor in ours.Network.TorchParameters)
        {
            var values = new float[tensor.Count];
            TorchStateDict.ToTorch(tensor, ours.ParameterGradient, values);
            AssertClose(tensor.Name + ".grad", Read(gradients.GetProperty(tensor.Name)), values, 1e-5, 2e-3);
        }

        AssertClose("input.grad", Read(theirs.GetProperty("inputGradient")), ours.InputGradient, 1e-5, 2e-3);
    }

    private static (Dictionary<string, Case>, JsonDocument) RunAll()
    {
        var cases = Names.ToDictionary(n => n, Evaluate);
        var response = TorchRunner.Run("torch_parity.py", writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cases");
            foreach (var (name, c) in cases)
            {
                WriteCase(writer, name, c);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return (cases, response);
    }

    private static Case Evaluate(string name)
    {
        var network = Build(name);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(7));
        var inputs = Some.Floats(Samples * network.InputSize, 8, 2f);
        var classes = network is DenseAutoencoder ? 0 : network.OutputSize;
        var labels = Enumerable.Range(0, Samples).Select(i => classes == 0 ? 0 : (i * 5) % classes).ToArray();
        var classWeights = Enumerable.Range(0, Math.Max(classes, 1)).Select(c => 0.5f + (0.25f * c)).ToArray();

        var pass = network.CreatePass(Samples);
        var outputs = new float[Samples * network.OutputSize];
        pass.Forward(parameters, inputs, outputs, Samples);
        var outputGradient = new float[outputs.Length];
        var loss = classes == 0
            ? MeanSquaredError(outputs, inputs, outputGradient)
            : SoftmaxCrossEntropy.Forward(outputs, labels, classes, classWeights, outputGradient);
        var parameterGradient = new float[parameters.Length];
        var inputGradient = new float[inputs.Length];
        pass.Backward(parameters, outputGradient, parameterGradient, inputGradient);
        return new Case(network, parameters, inputs, labels, classWeights, outputs, loss, parameterGradient, inputGradient);
    }

    private static void WriteCase(Utf8JsonWriter writer, string name, Case c)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WritePropertyName("architecture");
        TorchStateDict.WriteArchitecture(writer, c.Network);
        writer.WritePropertyName("state");
        TorchStateDict.WriteJson(writer, c.Network, c.Parameters);
        writer.WriteStartObject("inputs");
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(Samples);
        foreach (var dimension in InputShape(c.Network))
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        WriteArray(writer, "values", c.Inputs);
        writer.WriteEndObject();
        writer.WriteStartArray("labels");
        foreach (var label in c.Labels)
        {
            writer.WriteNumberValue(label);
        }

        writer.WriteEndArray();
        WriteArray(writer, "classWeights", c.ClassWeights);
        writer.WriteEndObject();
    }

    private static INetwork Build(string name) => name switch
    {
        "cnn-lstm" => new CnnLstmSpec().Build(14, 20, 6),
        "cnn-lstm-wide" => new CnnLstmSpec(ConvChannels: 24, KernelSize: 4, HiddenSize: 20).Build(12, 20, 9),
        "transformer-mean" => new TransformerSpec().Build(14, 20, 6),
        "transformer-last" => new TransformerSpec(ModelWidth: 24, Heads: 3, Layers: 1, FeedForwardWidth: 40, Pooling: TransformerPooling.Last).Build(12, 20, 5),
        "autoencoder" => new AutoencoderSpec().Build(280),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static int[] InputShape(INetwork network) => network switch
    {
        CnnLstmNetwork n => [n.Steps, n.InputWidth],
        TransformerNetwork n => [n.Steps, n.InputWidth],
        _ => [network.InputSize],
    };

    private static float MeanSquaredError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> gradient)
    {
        double sum = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            var difference = outputs[i] - targets[i];
            sum += difference * difference;
            gradient[i] = 2f * difference / outputs.Length;
        }

        return (float)(sum / outputs.Length);
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, float[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static float[] Read(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetSingle())];

    private static void AssertClose(string what, float[] expected, float[] actual, double atol, double rtol)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        var at = -1;
        for (var i = 0; i < expected.Length; i++)
        {
            var excess = Math.Abs(expected[i] - actual[i]) - (atol + (rtol * Math.Abs(expected[i])));
            if (excess > worst)
            {
                worst = excess;
                at = i;
            }
        }

        Assert.True(at < 0, at < 0 ? "" : $"{what}[{at}]: torch {expected[at]:G7}, ours {actual[at]:G7}");
    }

    private sealed record Case(
        INetwork Network, float[] Parameters, float[] Inputs, int[] Labels, float[] ClassWeights,
        float[] Outputs, float Loss, float[] ParameterGradient, float[] InputGradient);
}
