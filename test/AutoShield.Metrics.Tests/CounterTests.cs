namespace AutoShield.Metrics.Tests;

public sealed class CounterTests
{
    [Fact]
    public void Inc_DefaultAndAmount_AddsUp()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.");

        counter.Inc();
        counter.Inc(2.5);

        Assert.Equal(3.5, counter.Value);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Inc_NegativeOrNaN_Throws(double by)
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.");

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Inc(by));
        Assert.Equal(0, counter.Value);
    }

    [Fact]
    public void WithLabels_SameValuesAnyOverload_ReturnsSameChild()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");

        var fromArray = counter.WithLabels(["dns"]);
        var fromString = counter.WithLabels("dns");

        Assert.Same(fromArray, fromString);
        Assert.NotSame(fromArray, counter.WithLabels("http"));
    }

    [Fact]
    public void WithLabels_TwoLabelOverload_MatchesParamsArray()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind", "pod");

        var child = counter.WithLabels("dns", "web-1");
        child.Inc();

        Assert.Same(child, counter.WithLabels(["dns", "web-1"]));
        Assert.Equal(1, counter.WithLabels("dns", "web-1").Value);
    }

    [Fact]
    public void WithLabels_CallerChangesArrayAfterwards_ChildKeepsItsValues()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");
        var values = new[] { "dns" };
        var child = counter.WithLabels(values);

        values[0] = "http";

        Assert.Same(child, counter.WithLabels("dns"));
        Assert.NotSame(child, counter.WithLabels("http"));
    }

    [Fact]
    public void WithLabels_WrongNumberOfValues_ThrowsNamingTheLabels()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind", "pod");

        var error = Assert.Throws<ArgumentException>(() => counter.WithLabels("dns"));

        Assert.Contains("kind, pod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithLabels_NullValue_Throws()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");

        Assert.Throws<ArgumentNullException>(() => counter.WithLabels((string)null!));
    }

    [Fact]
    public void Inc_OnLabelledFamilyItself_ThrowsAskingForLabels()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");

        var error = Assert.Throws<InvalidOperationException>(() => counter.Inc());

        Assert.Contains("WithLabels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithLabels_OnAChild_Throws()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.", "kind");

        Assert.Throws<InvalidOperationException>(() => counter.WithLabels("dns").WithLabels("http"));
    }

    [Fact]
    public void WithLabels_NoLabelsOnUnlabelledFamily_ReturnsTheFamily()
    {
        var counter = new MetricsRegistry().Counter("events_total", "Events.");

        Assert.Same(counter, counter.WithLabels());
    }
}
