namespace AutoShield.Metrics.Tests;

public sealed class MetricsScrapeTests
{
    [Fact]
    public void Parse_RegistryOutput_ReadsBackNamesLabelsValuesHelpAndTypes()
    {
        var registry = new MetricsRegistry();
        registry.Counter("events_total", "Events.\nBy kind.", "kind", "pod").WithLabels("a\\b\"c\nd", "web-1").Inc(5);
        registry.Histogram("latency_seconds", "Latency.", [1]).Observe(0.5);

        var scrape = MetricsScrape.Parse(registry.Expose());

        Assert.Equal(5, scrape.Value("events_total", "kind", "a\\b\"c\nd", "pod", "web-1"));
        Assert.Equal(1, scrape.Value("latency_seconds_bucket", "le", "1"));
        Assert.Equal(0.5, scrape.Value("latency_seconds_sum"));
        Assert.Equal("Events.\nBy kind.", scrape.Help["events_total"]);
        Assert.Equal("histogram", scrape.Types["latency_seconds"]);
    }

    [Fact]
    public void Parse_SpecialValuesTimestampsAndSpacing_ReadsThem()
    {
        const string Text = """
            # a plain comment
            a NaN
            b{x="1",} +Inf 1700000000000
            c { x = "2" , y="3" } -Inf

            d 1.5e3
            """;

        var scrape = MetricsScrape.Parse(Text);

        Assert.True(double.IsNaN(scrape.Value("a")));
        Assert.Equal(double.PositiveInfinity, scrape.Value("b", "x", "1"));
        Assert.Equal(double.NegativeInfinity, scrape.Value("c", "x", "2", "y", "3"));
        Assert.Equal(1500, scrape.Value("d"));
    }

    [Theory]
    [InlineData("a{x=\"1\" 2", 1)]
    [InlineData("ok 1\na{x=1} 2", 2)]
    [InlineData("ok 1\nok 2\na one", 3)]
    [InlineData("a{x=\"1\",x=\"2\"} 2", 1)]
    [InlineData("a 1 soon", 1)]
    [InlineData("{x=\"1\"} 2", 1)]
    public void Parse_MalformedLine_ThrowsNamingTheLine(string text, int line)
    {
        var error = Assert.Throws<FormatException>(() => MetricsScrape.Parse(text));

        Assert.StartsWith($"line {line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_LabelsNotExactlyMatching_ThrowsListingWhatThereIs()
    {
        var scrape = MetricsScrape.Parse("events_total{kind=\"dns\",pod=\"web\"} 1\n");

        var error = Assert.Throws<KeyNotFoundException>(() => scrape.Value("events_total", "kind", "dns"));

        Assert.Contains("kind=\"dns\",pod=\"web\"", error.Message, StringComparison.Ordinal);
    }
}
