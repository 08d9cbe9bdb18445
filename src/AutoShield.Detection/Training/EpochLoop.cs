namespace AutoShield.Detection.Training;

/// <summary>
/// Mini-batch epochs with seeded shuffling, a progress report per batch and per epoch, and early stopping that
/// keeps the best parameters seen on validation.
/// </summary>
internal sealed class EpochLoop(
    TrainingStage stage, int maxEpochs, int patience, Action<TrainingProgress>? progress, TimeProvider time, long started)
{
    /// <summary>Evaluates the current parameters: the validation loss and score.</summary>
    public delegate (float Loss, float Score) Evaluate();

    /// <summary>Trains until <c>maxEpochs</c> or <c>patience</c> runs out; leaves the best parameters in place.</summary>
    public List<EpochSummary> Run(
        NetworkOptimizer optimizer, int[] train, int inputSize, GatherInputs gather, BatchLoss loss, Evaluate evaluate,
        bool higherScoreIsBetter, Random shuffle, Random dropout, CancellationToken cancellationToken)
    {
        var history = new List<EpochSummary>();
        var order = (int[])train.Clone();
        var batchSize = optimizer.MaxBatch;
        var inputs = new float[batchSize * inputSize];
        var batches = (order.Length + batchSize - 1) / batchSize;
        var best = (float[])optimizer.Parameters.Clone();
        var bestScore = float.NaN;
        var bestLoss = float.PositiveInfinity;
        var sinceBest = 0;
        for (var epoch = 1; epoch <= maxEpochs; epoch++)
        {
            shuffle.Shuffle(order);
            double lossSum = 0;
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var samples = order.AsSpan(b * batchSize, Math.Min(batchSize, order.Length - (b * batchSize)));
                gather(samples, inputs);
                lossSum += optimizer.Step(inputs.AsSpan(0, samples.Length * inputSize), samples, loss, dropout) * samples.Length;
                var trainLoss = (float)(lossSum / Math.Min(order.Length, (b + 1) * batchSize));
                progress?.Invoke(new TrainingProgress(stage, epoch, maxEpochs, b + 1, batches, trainLoss, null, null, false, time.GetElapsedTime(started)));
            }

            var (validationLoss, score) = evaluate();
            var improved = float.IsNaN(bestScore)
                || (higherScoreIsBetter ? score > bestScore : score < bestScore)
                || (score == bestScore && validationLoss < bestLoss);
            if (improved)
            {
                bestScore = score;
                bestLoss = validationLoss;
                sinceBest = 0;
                optimizer.Parameters.CopyTo(best, 0);
            }
            else
            {
                sinceBest++;
            }

            var epochLoss = (float)(lossSum / order.Length);
            history.Add(new EpochSummary(stage, epoch, epochLoss, validationLoss, score, improved));
            progress?.Invoke(new TrainingProgress(stage, epoch, maxEpochs, batches, batches, epochLoss, validationLoss, score, improved, time.GetElapsedTime(started)));
            if (sinceBest >= patience)
            {
                break;
            }
        }

        best.CopyTo(optimizer.Parameters, 0);
        return history;
    }
}
