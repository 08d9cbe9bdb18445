namespace AutoShield.Detection.Interop;

/// <summary>How a parameter block is stored here relative to the PyTorch tensor of the same name.</summary>
public enum TorchLayout
{
    /// <summary>Same element order.</summary>
    Identity,

    /// <summary>Torch [rows, cols] is stored here as its [cols, rows] transpose.</summary>
    Transposed,

    /// <summary>Torch Conv1d weight [out, in, k] is stored here as [k, in, out].</summary>
    ConvKernel,
}
