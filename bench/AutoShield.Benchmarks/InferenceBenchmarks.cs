using AutoShield.Core.Windows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// Inference cost of the default detectors on one core: one window at a time (the per-event path; must not
/// allocate) and batches of 256 (reported per window via OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private const int Batch = 256;
    private InferenceSession _cnnLstm = null!;
    private InferenceSession _cnnLstmBatch = null!;
    private InferenceSession _transformer = null!;
    private InferenceSession _withAnomaly = null!;
    private float[] _windows = null!;
    private float[] _probabilities = null!;
    private float[] _batchProbabilities = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var cnnLstm = InferenceFixture.Model(new CnnLstmSpec());
        _cnnLstm = cnnLstm.CreateSession();
        _cnnLstmBatch = cnnLstm.CreateSession(Batch);
        _transformer = InferenceFixture.Model(new TransformerSpec()).CreateSession();
        _withAnomaly = InferenceFixture.Model(new CnnLstmSpec(), new AutoencoderSpec()).CreateSession();
        _windows = InferenceFixture.Windows(Batch, 7);
        _probabilities = new float[InferenceFixture.Classes.Length];
        _batchProbabilities = new float[Batch * InferenceFixture.Classes.Length];
    }

    [Benchmark(Baseline = true, Description = "CNN-LSTM, one window")]
    public int CnnLstmSingle() => _cnnLstm.Classify(NextWindow(), _probabilities);

    [Benchmark(Description = "CNN-LSTM + anomaly autoencoder, one window")]
    public WindowScore CnnLstmWithAnomalySingle() => _withAnomaly.Score(NextWindow(), _probabilities);

    [Benchmark(Description = "Transformer, one window")]
    public int TransformerSingle() => _transformer.Classify(NextWindow(), _probabilities);

    [Benchmark(OperationsPerInvoke = Batch, Description = "CNN-LSTM, batch of 256 (per window)")]
    public void CnnLstmBatch() => _cnnLstmBatch.ClassifyBatch(_windows, _batchProbabilities);

    private ReadOnlySpan<float> NextWindow()
    {
        _next = (_next + 1) % Batch;
        return _windows.AsSpan(_next * WindowShape.Cells, WindowShape.Cells);
    }
}
