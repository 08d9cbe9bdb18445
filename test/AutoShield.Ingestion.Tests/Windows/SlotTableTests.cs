using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class SlotTableTests
{
    [Fact]
    public void AddFindRemove_RandomWorkload_AgreesWithDictionary()
    {
        var random = new Random(11);
        var table = new SlotTable<long>(initialSlots: 4, maxSlots: 600);
        var oracle = new Dictionary<long, int>();
        for (var step = 0; step < 200_000; step++)
        {
            // Few distinct hashes force long probe runs and shifts across them.
            var key = (long)random.Next(2_000);
            var hash = (int)(key % 97);
            var slot = table.Find(key, hash);
            Assert.Equal(oracle.TryGetValue(key, out var expected) ? expected : -1, slot);
            if (slot >= 0 && random.Next(2) == 0)
            {
                table.Remove(slot);
                oracle.Remove(key);
            }
            else if (slot < 0 && !table.IsFull)
            {
                oracle[key] = table.Add(key, hash);
            }
        }

        Assert.Equal(oracle.Count, table.Count);
        foreach (var (key, slot) in oracle)
        {
            Assert.Equal(key, table.KeyAt(slot));
        }
    }

    [Fact]
    public void Add_WhenFull_Throws()
    {
        var table = new SlotTable<long>(1, 1);
        table.Add(1, 1);

        Assert.Throws<InvalidOperationException>(() => table.Add(2, 2));
    }
}
