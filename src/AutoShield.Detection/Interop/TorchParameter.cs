namespace AutoShield.Detection.Interop;

/// <summary>One tensor of a network's PyTorch <c>state_dict</c>: its name, torch shape, and where it lies in our flat array.</summary>
public sealed record TorchParameter(string Name, int Offset, IReadOnlyList<int> Shape, TorchLayout Layout)
{
    public int Count
    {
        get
        {
            var count = 1;
            foreach (var dimension in Shape)
            {
                count *= dimension;
            }

            return count;
        }
    }
}
