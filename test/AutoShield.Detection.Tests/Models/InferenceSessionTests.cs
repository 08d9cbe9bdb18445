using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Models;

public sealed class InferenceSessionTests
{
    private static readonly Lazy<DetectionModel> Trained = new(() => new DetectorTrainer(new TrainingOptions
    {
        Classifier = new CnnLstmSpec(),
        Anomaly = new AutoencoderSpec(),
        MaxEpochs = 2,
        AnomalyMaxEpochs = 2,
        Seed = 11,
    }).Train(SyntheticWindows.Create(perClass: 20, seed: 11)).Model);

    [Fact]
    public void Score_ManyWindows_AllocatesNothing()
    {
        // Arrange
        var model = Trained.Value;
        var session = model.CreateSession();
        var windows = SyntheticWindows.Create(perClass: 4, seed: 12).Windows;
        var probabilities = new float[3];
        session.Score(windows.AsSpan(0, 240), probabilities);
        model.Score(windows.AsSpan(0, 240), probabilities);

        // Act
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                session.Score(windows.AsSpan((i % 12) * 240, 240), probabilities);
                model.Score(windows.AsSpan((i % 12) * 240, 240), probabilities);
            }
        });

        // Assert
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ClassifyBatch_UnevenChunks_EqualsOneWindowAtATime()
    {
        var model = Trained.Value;
        var windows = SyntheticWindows.Create(perClass: 7, seed: 13).Windows;
        var batched = new float[21 * 3];
        var single = new float[3];

        model.CreateSession(maxBatch: 8).ClassifyBatch(windows, batched);

        var session = model.CreateSession();
        for (var i = 0; i < 21; i++)
        {
            var best = session.Classify(windows.AsSpan(i * 240, 240), single);
            Assert.Equal(single, batched.AsSpan(i * 3, 3).ToArray());
            Assert.Equal(best, InferenceSession.ArgMax(single));
        }
    }

    [Fact]
    public void Score_Probabilities_SumToOneAndAnomalyMatchesBatch()
    {
        var model = Trained.Value;
        var windows = SyntheticWindows.Create(perClass: 3, seed: 14).Windows;
        var session = model.CreateSession();
        var probabilities = new float[3];
        var scores = new float[9];
        model.CreateSession(maxBatch: 4).AnomalyScoreBatch(windows, scores);

        for (var i = 0; i < 9; i++)
        {
            var score = session.Score(windows.AsSpan(i * 240, 240), probabilities);
            Assert.Equal(1f, probabilities.Sum(), 1e-5f);
            Assert.Equal(probabilities.Max(), score.Confidence);
            Assert.Equal(scores[i], score.AnomalyScore!.Value);
            Assert.Equal(score.AnomalyScore > model.AnomalyThreshold, score.IsAnomaly);
        }
    }

    [Fact]
    public void Score_ConcurrentThreads_SameResultsAsSequential()
    {
        // Arrange
        var model = Trained.Value;
        var windows = SyntheticWindows.Create(perClass: 20, seed: 15).Windows;
        var expected = new WindowScore[60];
        var probabilities = new float[3];
        for (var i = 0; i < 60; i++)
        {
            expected[i] = model.CreateSession().Score(windows.AsSpan(i * 240, 240), probabilities);
        }

        // Act
        var actual = new WindowScore[60 * 50];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var local = new float[3];
            actual[i] = model.Score(windows.AsSpan((i % 60) * 240, 240), local);
        });

        // Assert
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % 60], actual[i]);
        }
    }

    [Fact]
    public void Classify_WrongWindowLength_Throws()
    {
        var session = Trained.Value.CreateSession();
        Assert.Throws<ArgumentException>(() => session.Classify(new float[239], new float[3]));
    }
}
