using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AutoShield.Benchmarks;

/// <summary>
/// CPU time of the whole process, all threads (Linux CLOCK_PROCESS_CPUTIME_ID, nanosecond resolution), so a timing
/// on a shared machine counts the work done, the garbage collector's background threads included, and not the time
/// spent waiting for a core. Falls back to <see cref="Process.TotalProcessorTime"/> elsewhere.
/// </summary>
internal static class ProcessCpuClock
{
    private const int ProcessCpuTimeClock = 2;

    /// <summary>Milliseconds of CPU the process has used.</summary>
    public static double NowMs()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (ClockGetTime(ProcessCpuTimeClock, out var time) == 0)
                {
                    return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
                }
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
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
