using System.Diagnostics;

namespace BowInbox.Bench;

/// <summary>
/// Who had the machine during a step, as shares of all its cores: the bench itself (load generator, fake Graph API,
/// bare endpoint) and everything else, other processes and, on a virtual machine, time the host gave to other
/// guests (steal). A step that fails while others held a large share says little about the app.
/// </summary>
internal sealed class MachineShare
{
    private const string ProcStat = "/proc/stat";
    private readonly long startTicks = Stopwatch.GetTimestamp();
    private readonly TimeSpan benchCpuAtStart = CurrentBenchCpu();
    private readonly Jiffies? atStart = Jiffies.Read();

    public static MachineShare Start() => new();

    /// <summary>The shares since <see cref="Start"/>; <paramref name="appCpuSeconds"/> is the app's CPU time over the same span.</summary>
    public MachineLoad Stop(double appCpuSeconds)
    {
        var wall = Stopwatch.GetElapsedTime(startTicks).TotalSeconds;
        var capacity = wall * Environment.ProcessorCount;
        var bench = capacity > 0 ? (CurrentBenchCpu() - benchCpuAtStart).TotalSeconds / capacity : 0;
        var atEnd = Jiffies.Read();
        if (atStart is null || atEnd is null || atEnd.Total <= atStart.Total)
        {
            return new MachineLoad(Percent(bench), null, null);
        }

        var total = (double)(atEnd.Total - atStart.Total);
        var steal = (atEnd.Steal - atStart.Steal) / total;
        var busy = (atEnd.Busy - atStart.Busy) / total;
        var app = capacity > 0 ? appCpuSeconds / capacity : 0;
        var others = Math.Max(0, busy - app - bench) + steal;
        return new MachineLoad(Percent(bench), Percent(others), Percent(steal));
    }

    private static double Percent(double share) => Math.Round(share * 100, 1);

    private static TimeSpan CurrentBenchCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The machine's CPU counters: user, nice, system, idle, iowait, irq, softirq, steal (guest time is inside user).</summary>
    private sealed record Jiffies(long Busy, long Steal, long Total)
    {
        public static Jiffies? Read()
        {
            if (!File.Exists(ProcStat))
            {
                return null;
            }

            var fields = File.ReadLines(ProcStat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 9 || fields[0] != "cpu")
            {
                return null;
            }

            var v = fields.Skip(1).Take(8).Select(long.Parse).ToArray();
            var busy = v[0] + v[1] + v[2] + v[5] + v[6];
            return new Jiffies(busy, v[7], busy + v[3] + v[4] + v[7]);
        }
    }
}

/// <summary>
/// Shares of the machine's cores during a step, in percent. <see cref="OthersCpuPercent"/> is what neither the app nor
/// the bench used but was not free either (other processes, and steal); null where the OS does not tell.
/// </summary>
public sealed record MachineLoad(double BenchCpuPercent, double? OthersCpuPercent, double? StealPercent);
