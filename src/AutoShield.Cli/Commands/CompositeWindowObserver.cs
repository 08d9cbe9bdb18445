using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>Hands every window to several observers in order (the pipeline takes one).</summary>
public sealed class CompositeWindowObserver(params IWindowObserver[] observers) : IWindowObserver
{
    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        foreach (var observer in observers)
        {
            observer.OnWindow(connection, window, fanOut);
        }
    }
}
