namespace AutoShield.Manifests.Yaml;

/// <summary>A sink that keeps every document whole (config files, tests): no list streaming.</summary>
internal sealed class DocumentList(List<YamlDocument> documents) : IDocumentSink
{
    public bool StreamsListItems => false;

    public void Document(YamlDocument document) => documents.Add(document);

    public void ListItem(int documentIndex, string? templateSource, ManifestNode item, int itemIndex) =>
        throw new InvalidOperationException("this sink does not stream list items");

    public void DiscardUnfinishedDocument()
    {
        // Documents arrive here only when finished: there is nothing of an unfinished one to forget.
    }
}
