namespace AutoShield.Core.Flows;

/// <summary>Why a connection was closed by the assembler.</summary>
public enum ConnectionEnd : byte
{
    Unknown = 0,
    /// <summary>Both sides sent FIN, or a FIN was followed by the final ACK.</summary>
    Fin,
    /// <summary>A RST was seen.</summary>
    Rst,
    /// <summary>No event for the idle timeout.</summary>
    Idle,
    /// <summary>The source reports whole connections (a CICFlowMeter row).</summary>
    Summary,
    /// <summary>Input ended or the table was full and the oldest connection was closed early.</summary>
    Flush,
}
