namespace AutoShield.Manifests.Model;

/// <summary>Which list of the pod spec a container is in.</summary>
public enum ContainerType
{
    Container,
    Init,
    Ephemeral,
}
