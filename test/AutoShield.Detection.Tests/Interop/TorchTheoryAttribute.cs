namespace AutoShield.Detection.Tests.Interop;

/// <summary>A theory that is skipped, with the reason, only where /usr/bin/python3 or torch is absent.</summary>
public sealed class TorchTheoryAttribute : TheoryAttribute
{
    public TorchTheoryAttribute()
    {
        if (TorchRunner.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
