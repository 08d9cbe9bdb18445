using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Builds Cilium-form label sets (<c>k8s:app=x</c>) from pod labels and shares equal sets between events. Bounded:
/// when full it starts afresh.
/// </summary>
internal sealed class LabelSetCache(int capacity)
{
    private readonly Dictionary<LabelSet, LabelSet> _sets = [];

    public LabelSet? For(TetragonPod pod)
    {
        string[] labels;
        if (pod.Labels.Count > 0)
        {
            labels = new string[pod.Labels.Count];
            var i = 0;
            foreach (var (key, value) in pod.Labels)
            {
                labels[i++] = $"k8s:{key}={value}";
            }

            // Sorted so that the same labels in another key order are the same set.
            Array.Sort(labels, StringComparer.Ordinal);
        }
        else if (pod.IdentityLabels.Count > 0)
        {
            labels = [.. pod.IdentityLabels];
        }
        else
        {
            return null;
        }

        var set = new LabelSet(labels);
        if (_sets.TryGetValue(set, out var shared))
        {
            return shared;
        }

        if (_sets.Count >= capacity)
        {
            _sets.Clear();
        }

        _sets.Add(set, set);
        return set;
    }
}
