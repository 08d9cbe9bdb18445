using YamlDotNet.Core;

namespace AutoShield.Manifests.Yaml;

/// <summary>Ends the reading of one input when a limit is hit; caught inside the reader and reported as an error.</summary>
internal sealed class ManifestLimitException : Exception
{
    public ManifestLimitException(Mark at, string message)
        : this((int)at.Line, (int)at.Column, message)
    {
    }

    public ManifestLimitException(int line, int column, string message)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public ManifestLimitException()
    {
    }

    public ManifestLimitException(string message)
        : base(message)
    {
    }

    public ManifestLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Column { get; }
}
