using Spectre.Console;

namespace AutoShield.Cli.Infrastructure;

/// <summary>
/// Progress bars on stderr for long work. Shown only on an interactive terminal, so scripts and tests that capture
/// output see clean streams; stdout is never touched.
/// </summary>
public static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/> with a progress callback taking (task index, completed units).</summary>
    public static T Run<T>(CliContext context, IReadOnlyList<(string Name, double Total)> tasks, Func<Action<int, double>, T> work)
    {
        if (!context.Interactive)
        {
            return work((_, _) => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var bars = tasks.Select(t => ctx.AddTask(Markup.Escape(t.Name), maxValue: Math.Max(1, t.Total))).ToArray();
                var result = work((index, done) => bars[index].Value = Math.Min(done, bars[index].MaxValue));
                foreach (var bar in bars)
                {
                    bar.Value = bar.MaxValue;
                }

                return result;
            });
    }
}
