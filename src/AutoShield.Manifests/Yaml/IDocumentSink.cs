namespace AutoShield.Manifests.Yaml;

/// <summary>
/// Receives documents as the readers finish them, so a scan can check and drop each one before the next is read.
/// A sink that streams list items also gets each item of a large <c>kind: List</c> as soon as it is complete.
/// </summary>
internal interface IDocumentSink
{
    /// <summary>Whether the items of a <c>*List</c> document are handed out one by one through <see cref="ListItem"/>.</summary>
    bool StreamsListItems { get; }

    /// <summary>A finished document; when its items were streamed, <see cref="YamlDocument.ItemsStreamed"/> is set.</summary>
    void Document(YamlDocument document);

    /// <summary>A finished item of the <c>items</c> of document <paramref name="documentIndex"/>, a List with kind and apiVersion.</summary>
    void ListItem(int documentIndex, string? templateSource, ManifestNode item, int itemIndex);

    /// <summary>
    /// The fast reader gave up inside a document: forget whatever that document streamed, because the reference reader
    /// reads it again from its start.
    /// </summary>
    void DiscardUnfinishedDocument();
}
