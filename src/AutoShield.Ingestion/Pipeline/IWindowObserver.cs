using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Pipeline;

/// <summary>Receives every window as it is updated (an interface so the per-event path allocates no delegates).</summary>
public interface IWindowObserver
{
    /// <summary>Called once per assembled connection with the pair's window after the update; valid only during the call.</summary>
    void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut);
}
