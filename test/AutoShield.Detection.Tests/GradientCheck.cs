namespace AutoShield.Detection.Tests;

/// <summary>
/// Finite-difference check of analytic gradients. The loss is L = Σ output·w for fixed random w, accumulated in
/// double; each checked coordinate is nudged by ±ε and the central difference compared with the analytic value
/// under |a − n| ≤ atol + rtol·max(|a|, |n|). A mismatch is retried once with ε/6, because a nudge that crosses a
/// ReLU kink breaks the central difference; a wrong gradient fails at every ε.
/// </summary>
internal static class GradientCheck
{
    public delegate void Forward(float[] parameters, float[] input, float[] output);

    public delegate void Backward(float[] parameters, float[] input, float[] outputGradient, float[] parameterGradient, float[] inputGradient);

    public static void Verify(
        float[] parameters, float[] input, int outputSize, Forward forward, Backward backward,
        float epsilon = 3e-3f, double atol = 2e-3, double rtol = 2e-2, int maxChecks = 4000, bool checkInput = true)
    {
        var weights = Some.Floats(outputSize, 4242);
        var output = new float[outputSize];
        forward(parameters, input, output);
        var parameterGradient = new float[parameters.Length];
        var inputGradient = checkInput ? new float[input.Length] : [];
        backward(parameters, input, weights, parameterGradient, inputGradient);

        var failures = new List<string>();
        CheckCoordinates("parameter", parameters, parameterGradient, () => Loss(forward, parameters, input, output, weights), epsilon, atol, rtol, maxChecks, failures);
        if (checkInput)
        {
            CheckCoordinates("input", input, inputGradient, () => Loss(forward, parameters, input, output, weights), epsilon, atol, rtol, maxChecks, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} gradient mismatches:\n" + string.Join("\n", failures.Take(20)));
    }

    private static double Loss(Forward forward, float[] parameters, float[] input, float[] output, float[] weights)
    {
        forward(parameters, input, output);
        double loss = 0;
        for (var i = 0; i < output.Length; i++)
        {
            loss += (double)output[i] * weights[i];
        }

        return loss;
    }

    private static void CheckCoordinates(
        string what, float[] values, float[] analytic, Func<double> loss, float epsilon, double atol, double rtol, int maxChecks, List<string> failures)
    {
        Assert.True(analytic.All(float.IsFinite), $"{what} gradient has non-finite values");
        var stride = Math.Max(1, values.Length / maxChecks);
        for (var i = 0; i < values.Length; i += stride)
        {
            var numeric = Numeric(values, i, loss, epsilon);
            if (!Close(analytic[i], numeric, atol, rtol))
            {
                numeric = Numeric(values, i, loss, epsilon / 6f);
                if (!Close(analytic[i], numeric, atol, rtol))
                {
                    failures.Add($"{what}[{i}]: analytic {analytic[i]:G6}, numeric {numeric:G6}");
                }
            }
        }
    }

    private static double Numeric(float[] values, int i, Func<double> loss, float epsilon)
    {
        var original = values[i];
        values[i] = original + epsilon;
        var plus = loss();
        values[i] = original - epsilon;
        var minus = loss();
        values[i] = original;
        return (plus - minus) / (2.0 * epsilon);
    }

    private static bool Close(double analytic, double numeric, double atol, double rtol) =>
        Math.Abs(analytic - numeric) <= atol + (rtol * Math.Max(Math.Abs(analytic), Math.Abs(numeric)));
}
