using AutoShield.Core.Flows;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Tests.Text;

public sealed class LabelSetPoolTests
{
    [Fact]
    public void Get_EqualLabelLists_ReturnTheSameInstance()
    {
        var pool = new LabelSetPool();

        // Equal contents in distinct string instances, as after a string pool reset.
        var first = pool.Get(["k8s:app=web", "k8s:version=v1"]);
        var second = pool.Get([new string("k8s:app=web".AsSpan()), new string("k8s:version=v1".AsSpan())]);

        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
        Assert.Equal("web", first.Get("app"));
    }

    [Fact]
    public void Get_DifferentOrderOrContent_ReturnsDifferentSets()
    {
        var pool = new LabelSetPool();

        var a = pool.Get(["x=1", "y=2"]);
        var b = pool.Get(["y=2", "x=1"]);
        var c = pool.Get(["x=1"]);

        Assert.NotSame(a, b);
        Assert.NotSame(a, c);
        Assert.Equal(3, pool.Count);
    }

    [Fact]
    public void Get_Empty_ReturnsTheSharedEmptySet() =>
        Assert.Same(LabelSet.Empty, new LabelSetPool().Get([]));

    [Fact]
    public void Get_MoreDistinctListsThanCapacity_StartsAfreshAndStaysBounded()
    {
        var pool = new LabelSetPool(capacity: 16);

        for (var i = 0; i < 100; i++)
        {
            pool.Get([$"k8s:app=a{i}"]);
        }

        Assert.True(pool.Count <= 16);
        Assert.Equal(6, pool.Resets);
        Assert.Equal("a99", pool.Get(["k8s:app=a99"]).Get("app"));
    }

    [Fact]
    public void Get_CallerReusesItsBuffer_PooledSetKeepsItsOwnCopy()
    {
        var pool = new LabelSetPool();
        var buffer = new[] { "a=1", "b=2" };

        var set = pool.Get(buffer);
        buffer[0] = "changed=1";

        Assert.Equal("a=1", set[0]);
    }
}
