using System.Text;
using AutoShield.Ingestion.CicFlowMeter;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

public sealed class CsvLineSplitterTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData(" a , b ,c", new[] { "a", "b", "c" })]
    [InlineData("a,,c,", new[] { "a", "", "c", "" })]
    [InlineData(",", new[] { "", "" })]
    [InlineData("\"x,y\",z", new[] { "x,y", "z" })]
    [InlineData("\"say \"\"hi\"\"\",\"\"", new[] { "say \"hi\"", "" })]
    [InlineData("ab\"c,d", new[] { "ab\"c", "d" })]
    public void Split_Line_GivesFields(string line, string[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var splitter = new CsvLineSplitter();

        Assert.True(splitter.Split(bytes, out _));

        Assert.Equal(expected, Enumerable.Range(0, splitter.Count).Select(i => Encoding.UTF8.GetString(splitter.Get(bytes, i))));
    }

    [Theory]
    [InlineData("a,\"open", 1)]
    [InlineData("\"closed\"x,b", 0)]
    public void Split_BadQuoting_NamesTheField(string line, int badField)
    {
        var splitter = new CsvLineSplitter();

        Assert.False(splitter.Split(Encoding.UTF8.GetBytes(line), out var bad));
        Assert.Equal(badField, bad);
    }

    [Fact]
    public void Split_ManyFields_GrowsPastInitialCapacity()
    {
        var line = Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Range(0, 300)));
        var splitter = new CsvLineSplitter();

        Assert.True(splitter.Split(line, out _));

        Assert.Equal(300, splitter.Count);
        Assert.Equal("299", Encoding.UTF8.GetString(splitter.Get(line, 299)));
    }
}
