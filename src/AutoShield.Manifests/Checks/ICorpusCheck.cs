using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Checks;

/// <summary>A check over all scanned objects together: selectors, NetworkPolicy coverage, service accounts.</summary>
public interface ICorpusCheck : ICheck
{
    void Evaluate(ManifestCorpus corpus, FindingSink sink);
}
