using System.Globalization;

namespace MissionFlow.Bench.Scale;

/// <summary>
/// The process's peak resident set (VmHWM in /proc/self/status), which Linux lets a process reset (write 5 to
/// /proc/self/clear_refs) so that a phase's peak is measured apart from the load before it.
/// </summary>
public static class PeakMemory
{
    /// <summary>Resets the peak to the current RSS; false where the kernel does not allow it.</summary>
    public static bool Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakMegabytes => Field("VmHWM:");
    public static double CurrentMegabytes => Field("VmRSS:");

    private static double Field(string name)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
