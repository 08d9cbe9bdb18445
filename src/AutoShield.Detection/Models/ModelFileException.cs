namespace AutoShield.Detection.Models;

/// <summary>A model directory that cannot be loaded, with the file and the reason in the message.</summary>
public sealed class ModelFileException : Exception
{
    public ModelFileException()
    {
    }

    public ModelFileException(string message)
        : base(message)
    {
    }

    public ModelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
