namespace AutoShield.Ingestion.Tetragon;

/// <summary>Why a framed record cannot be parsed, found while framing it.</summary>
internal enum RecordFlaw
{
    None,
    TooLarge,
    TooDeep,
    BrokenString,
}
