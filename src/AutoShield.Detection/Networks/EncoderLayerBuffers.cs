namespace AutoShield.Detection.Networks;

/// <summary>Activations of one <see cref="TransformerEncoderLayer"/> for one thread; gradient buffers appear on first backward.</summary>
internal sealed class EncoderLayerBuffers
{
    private readonly TransformerEncoderLayer _layer;
    private readonly int _maxBatch;
    private readonly int _steps;
    private GradientBuffers? _gradients;

    public EncoderLayerBuffers(TransformerEncoderLayer layer, int maxBatch, int steps)
    {
        _layer = layer;
        _maxBatch = maxBatch;
        _steps = steps;
        var rows = maxBatch * steps;
        var wide = rows * layer.Width;
        var ff = rows * layer.FeedForward;
        AttentionCache = new float[layer.Attention.CacheSize(maxBatch, steps)];
        AttentionScratch = new float[layer.Attention.ForwardScratchSize(steps)];
        Attention = new float[wide];
        Sum1 = new float[wide];
        Hidden = new float[wide];
        Projected = new float[wide];
        Sum2 = new float[wide];
        Expanded = new float[ff];
        Activated = new float[ff];
        Norm1Cache = new float[layer.Norm1.CacheSize(rows)];
        Norm2Cache = new float[layer.Norm2.CacheSize(rows)];
        Mask1 = new float[wide];
        Mask2 = new float[wide];
        MaskFeedForward = new float[ff];
    }

    /// <summary>Whether the last forward ran with dropout (its masks are then valid).</summary>
    public bool Training { get; set; }

    public float[] AttentionCache { get; }

    public float[] AttentionScratch { get; }

    public float[] Attention { get; }

    public float[] Sum1 { get; }

    public float[] Hidden { get; }

    public float[] Projected { get; }

    public float[] Sum2 { get; }

    public float[] Expanded { get; }

    public float[] Activated { get; }

    public float[] Norm1Cache { get; }

    public float[] Norm2Cache { get; }

    public float[] Mask1 { get; }

    public float[] Mask2 { get; }

    public float[] MaskFeedForward { get; }

    public GradientBuffers Gradients => _gradients ??= new GradientBuffers(_layer, _maxBatch * _steps, _steps);

    internal sealed class GradientBuffers(TransformerEncoderLayer layer, int rows, int steps)
    {
        public float[] Sum { get; } = new float[rows * layer.Width];

        public float[] Branch { get; } = new float[rows * layer.Width];

        public float[] Hidden { get; } = new float[rows * layer.Width];

        public float[] Activated { get; } = new float[rows * layer.FeedForward];

        public float[] Scratch { get; } = new float[Math.Max(layer.Linear1.BackwardScratchSize, layer.Linear2.BackwardScratchSize)];

        public float[] AttentionScratch { get; } = new float[layer.Attention.BackwardScratchSize(rows / steps, steps)];
    }
}
