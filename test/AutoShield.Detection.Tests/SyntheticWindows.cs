using AutoShield.Core.Windows;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests;

/// <summary>
/// Seeded synthetic windows of three well-separated kinds of traffic, a third of them without byte counts (NaN,
/// as from Hubble): BENIGN (completed handshakes, few ports), PORT_SCAN (RSTs, one new port per row) and
/// SYN_FLOOD (high rate, SYNs without ACKs).
/// </summary>
internal static class SyntheticWindows
{
    public static readonly string[] Classes = ["BENIGN", "PORT_SCAN", "SYN_FLOOD"];

    public static TrainingData Create(int perClass, int seed, bool randomLabels = false)
    {
        var random = new Random(seed);
        var count = perClass * Classes.Length;
        var windows = new float[count * WindowShape.Cells];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % Classes.Length;
            Fill(windows.AsSpan(i * WindowShape.Cells, WindowShape.Cells), labels[i], random);
            if (randomLabels)
            {
                labels[i] = random.Next(Classes.Length);
            }
        }

        return new TrainingData(windows, labels, Classes);
    }

    /// <summary>One window of the given class.</summary>
    public static void Fill(Span<float> window, int label, Random random)
    {
        var noBytes = random.Next(3) == 0;
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            var row = window.Slice(r * WindowShape.Features, WindowShape.Features);
            float Jitter(float value) => value * (0.7f + (0.6f * random.NextSingle()));
            switch (label)
            {
                case 0:
                    row[0] = Jitter(0.5f);
                    row[1] = Jitter(2000);
                    row[2] = Jitter(15000);
                    row[3] = 1;
                    row[4] = Jitter(12);
                    row[5] = 0;
                    row[6] = 1;
                    row[7] = Jitter(0.8f);
                    row[8] = Jitter(2f);
                    row[9] = Jitter(0.5f);
                    row[10] = random.NextSingle() < 0.05f ? 0.05f : 0f;
                    row[11] = 1 + random.Next(2);
                    break;
                case 1:
                    row[0] = Jitter(20);
                    row[1] = Jitter(60);
                    row[2] = Jitter(40);
                    row[3] = 1;
                    row[4] = 0;
                    row[5] = 1;
                    row[6] = 0;
                    row[7] = Jitter(0.002f);
                    row[8] = Jitter(0.05f);
                    row[9] = Jitter(0.01f);
                    row[10] = Jitter(0.9f);
                    row[11] = r + 1;
                    break;
                default:
                    row[0] = Jitter(400);
                    row[1] = Jitter(60);
                    row[2] = 0;
                    row[3] = 1 + random.Next(3);
                    row[4] = 0;
                    row[5] = random.Next(2);
                    row[6] = 0;
                    row[7] = Jitter(1.5f);
                    row[8] = Jitter(0.002f);
                    row[9] = Jitter(0.001f);
                    row[10] = Jitter(0.95f);
                    row[11] = 1;
                    break;
            }

            if (noBytes)
            {
                row[1] = float.NaN;
                row[2] = float.NaN;
            }
        }
    }
}
