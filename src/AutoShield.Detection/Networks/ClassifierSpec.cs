using System.Text.Json.Serialization;

namespace AutoShield.Detection.Networks;

/// <summary>The architecture and hyper-parameters of a window classifier, as written to <c>model.json</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CnnLstmSpec), CnnLstmSpec.Kind)]
[JsonDerivedType(typeof(TransformerSpec), TransformerSpec.Kind)]
public abstract record ClassifierSpec
{
    /// <summary>Builds the network for windows of <paramref name="steps"/> rows × <paramref name="inputWidth"/> inputs.</summary>
    public abstract INetwork Build(int inputWidth, int steps, int classes);
}
