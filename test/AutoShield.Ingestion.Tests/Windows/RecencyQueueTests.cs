using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class RecencyQueueTests
{
    [Fact]
    public void Oldest_AfterManyTouchesAndCompactions_IsTheLeastRecentlyTouchedLiveSlot()
    {
        const int Slots = 50;
        var random = new Random(5);
        var queue = new RecencyQueue(Slots);
        var lastTouch = new long?[Slots];
        for (var step = 0L; step < 100_000; step++)
        {
            var slot = random.Next(Slots);
            if (random.Next(10) == 0)
            {
                queue.Forget(slot);
                lastTouch[slot] = null;
            }
            else
            {
                queue.Touch(slot);
                lastTouch[slot] = step;
            }

            var live = Enumerable.Range(0, Slots).Where(s => lastTouch[s] is not null).ToList();
            var expected = live.Count == 0 ? -1 : live.MinBy(s => lastTouch[s]!.Value);
            Assert.Equal(expected, queue.Oldest());
        }
    }

    [Fact]
    public void Oldest_Empty_IsMinusOne()
    {
        Assert.Equal(-1, new RecencyQueue(4).Oldest());
    }
}
