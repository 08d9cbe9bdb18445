namespace AutoShield.Ingestion.Tetragon;

/// <summary>What <see cref="JsonRecordFramer.Next"/> found.</summary>
internal enum FrameStatus
{
    /// <summary>A complete top-level object is in <see cref="JsonRecordFramer.Record"/>.</summary>
    Record,
    /// <summary>Bad input, described by <see cref="JsonRecordFramer.ErrorLine"/> and <see cref="JsonRecordFramer.ErrorMessage"/>.</summary>
    Error,
    /// <summary>End of input.</summary>
    End,
}
