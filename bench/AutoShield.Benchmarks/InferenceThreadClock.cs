using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AutoShield.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), so timings on a machine shared with other
/// jobs count only the time this thread actually ran; falls back to the wall clock elsewhere.
/// </summary>
internal static class InferenceThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Nanoseconds on the thread's CPU clock (or the wall clock).</summary>
    public static long Now()
    {
        if (IsThreadCpuTime && TryRead(out var nanoseconds))
        {
            return nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool TryRead(out long nanoseconds)
    {
        try
        {
            if (ClockGetTime(ThreadCpuTimeClock, out var time) == 0)
            {
                nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        nanoseconds = 0;
        return false;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
