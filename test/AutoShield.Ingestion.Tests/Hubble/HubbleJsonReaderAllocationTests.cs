using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleJsonReaderAllocationTests
{
    [Fact]
    public void TryRead_SecondPassOverAllSamples_AllocatesNothing()
    {
        // Arrange: every sample twice in one stream, so one reader (and its pools) sees each line twice.
        var samples = Directory.GetFiles(SharedData.Hubble(), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var input = new MemoryStream();
        for (var pass = 0; pass < 2; pass++)
        {
            samples.ForEach(s => input.Write(s));
        }

        input.Position = 0;
        var errors = 0;
        using var reader = new HubbleJsonReader(input, "samples", _ => errors++);
        var flowEvent = default(FlowEvent);
        for (var i = 0; i < 1_916; i++)
        {
            Assert.True(reader.TryRead(ref flowEvent));
        }

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        long checksum = 0;
        while (reader.TryRead(ref flowEvent))
        {
            count++;
            checksum += flowEvent.SourcePort + flowEvent.TimeUnixNanos % 1_000;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.Equal(1_916, count);
        Assert.Equal(0, errors);
        Assert.NotEqual(0, checksum);
        Assert.Equal(0, allocated);
    }
}
