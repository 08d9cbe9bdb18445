using AutoShield.Detection.Data;

namespace AutoShield.Detection.Tests.Data;

public sealed class TemporalSplitTests
{
    private const long Second = 1_000_000_000L;
    private const long Day = 86_400 * Second;

    [Fact]
    public void Split_OneLongSequence_TestIsLaterAndSharesNoConnection()
    {
        // 100 windows of one pair: one sequence, positions 0..99.
        var data = TestDatasets.Build([.. Enumerable.Range(0, 100).Select(i => ((string?)"PortScan", i * Second, 0, i, 1f))]);

        var split = TemporalSplit.Split(data, data.All(), SplitMode.Time, 0.3);

        Assert.Equal(70, split.Train.Length);
        Assert.Equal(19, split.Purged);
        Assert.Equal(11, split.Test.Length);
        Assert.True(split.Test.Min(i => data.TimeUnixNanos[i]) > split.Train.Max(i => data.TimeUnixNanos[i]));
        Assert.All(split.Test, t => Assert.All(split.Train, r => Assert.True(Math.Abs(data.Positions[t] - data.Positions[r]) >= 20)));
    }

    [Fact]
    public void Split_InterleavedClassesOnOnePair_NoSequenceWindowsWithin20OnBothSides()
    {
        var random = new Random(7);
        var windows = Enumerable.Range(0, 400)
            .Select(i => ((string?)(random.Next(3) == 0 ? "BENIGN" : "DoS Hulk"), i * Second, i % 3, i / 3, 0f))
            .ToList();
        var data = TestDatasets.Build(windows);

        var split = TemporalSplit.Split(data, data.All(), SplitMode.Time, 0.25);

        Assert.NotEmpty(split.Test);
        Assert.Empty(split.Train.Intersect(split.Test));
        foreach (var t in split.Test)
        {
            Assert.DoesNotContain(split.Train, r => data.Sequences[r] == data.Sequences[t] && Math.Abs(data.Positions[r] - data.Positions[t]) < 20);
        }

        foreach (var label in new[] { "BENIGN", "DoS Hulk" })
        {
            var train = split.Train.Where(i => data.Labels[i] == label).Max(i => data.TimeUnixNanos[i]);
            Assert.All(split.Test.Where(i => data.Labels[i] == label), i => Assert.True(data.TimeUnixNanos[i] > train));
        }
    }

    [Fact]
    public void Split_DayMode_CutsAClassSpanningDaysAtMidnight()
    {
        // Benign over four days (10 windows a day), each window its own sequence.
        var windows = Enumerable.Range(0, 40).Select(i => ((string?)"BENIGN", ((i / 10) * Day) + (12 * 3600 * Second) + (i * Second), i, 0, 0f)).ToList();
        var data = TestDatasets.Build(windows);

        var split = TemporalSplit.Split(data, data.All(), SplitMode.Day, 0.3);

        Assert.Equal(30, split.Train.Length);
        Assert.Equal(10, split.Test.Length);
        Assert.All(split.Test, i => Assert.Equal(3, data.TimeUnixNanos[i] / Day));
    }

    [Fact]
    public void Split_None_EverythingTrains()
    {
        var data = TestDatasets.Labelled("BENIGN", "PortScan");

        var split = TemporalSplit.Split(data, data.All(), SplitMode.None, 0.3);

        Assert.Equal([0, 1], split.Train);
        Assert.Empty(split.Test);
    }
}
