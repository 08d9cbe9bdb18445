using AutoShield.Core.Windows;
using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Tests.Explanations;

public sealed class OcclusionTests
{
    [Fact]
    public void Explain_ModelThatReadsOnlySyns_PicksSynCount()
    {
        // Arrange
        var model = ExplanationModels.SynOnlyDecides;
        var occlusion = new Occlusion(model);
        var random = new Random(51);
        var window = new float[WindowShape.Cells];

        for (var i = 0; i < 5; i++)
        {
            ExplanationModels.FillSynOnly(window, label: 1, random);

            // Act
            var map = occlusion.Explain(window, WindowShape.Rows, targetClass: 1);

            // Assert
            Assert.Equal((int)WindowFeature.SynCount, map.TopFeatures(1)[0]);
            Assert.Null(map.Cells);
            Assert.Equal(Occlusion.MethodName, map.Method);
        }
    }

    [Fact]
    public void Explain_YoungWindow_OnlyRealRowsWeighed()
    {
        var model = ExplanationModels.Synthetic;
        var window = SyntheticWindows.Create(perClass: 1, seed: 52).Window(2).ToArray();
        window.AsSpan(0, 12 * WindowShape.Features).Clear();

        var map = new Occlusion(model).Explain(window, rowCount: 8, targetClass: 2);

        Assert.All(Enumerable.Range(0, 12), r => Assert.Equal(0d, map.Rows[r]));
        Assert.Equal(8, map.TopRows(20).Length);
    }
}
