using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Custom;

/// <summary>The record a custom check's condition is evaluated over: the object, and the container in container scope.</summary>
public sealed record CustomCheckContext(ManifestObject Object, ContainerView? Container);
