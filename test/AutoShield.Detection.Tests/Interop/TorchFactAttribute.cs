namespace AutoShield.Detection.Tests.Interop;

/// <summary>A fact that is skipped, with the reason, only where /usr/bin/python3 or torch is absent.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (TorchRunner.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
