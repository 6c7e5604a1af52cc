using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BowInbox.Bench;

/// <summary>
/// The real BowInbox.Web, started as its own process from its build output, with production settings
/// passed through the environment exactly as an operator would.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int LogLinesKept = 200;
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private TimeSpan lastCpu;
    private long lastSampleTicks;

    internal AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The app's last log lines, for a failure message.</summary>
    public string LogTail => string.Join(Environment.NewLine, log);

    public static string AppDll(string repoRoot, string configuration)
    {
        var dll = Path.Combine(repoRoot, "BowInbox.Web", "bin", configuration, "net10.0", "BowInbox.Web.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is missing: build the solution in {configuration} first (dotnet build -c {configuration}).");
    }

    public static async Task<AppProcess> StartAsync(string appDll, IReadOnlyDictionary<string, string> environment, TimeSpan startTimeout)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await app.WaitHealthyAsync(startTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.SampleResources();
        return app;
    }

    /// <summary>CPU used since the previous sample (share of all cores), working set and peak, in MB.</summary>
    public ResourceSample SampleResources()
    {
        ThrowIfExited("during the run");
        process.Refresh();
        var now = Stopwatch.GetTimestamp();
        var cpu = process.TotalProcessorTime;
        var wall = lastSampleTicks == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(lastSampleTicks, now);
        var share = wall > TimeSpan.Zero ? (cpu - lastCpu).TotalSeconds / wall.TotalSeconds / Environment.ProcessorCount : 0;
        var previousCpu = lastCpu;
        lastCpu = cpu;
        lastSampleTicks = now;
        return new ResourceSample(Math.Round(share * 100, 1), Math.Round((cpu - previousCpu).TotalSeconds, 2), Megabytes(process.WorkingSet64), Megabytes(process.PeakWorkingSet64));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            ThrowIfExited("while starting");

            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Migrating; try again.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"BowInbox.Web did not report healthy on /health within {timeout.TotalSeconds:0} s:{Environment.NewLine}{LogTail}");
    }

    /// <summary>An app that died says so, with its exit code and last log lines, instead of failing the next measurement obscurely.</summary>
    private void ThrowIfExited(string when)
    {
        if (process.HasExited)
        {
            // The asynchronous reads may still be delivering the last lines.
            process.WaitForExit();
            throw new InvalidOperationException($"BowInbox.Web exited with code {process.ExitCode} {when}:{Environment.NewLine}{LogTail}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > LogLinesKept && log.TryDequeue(out _))
        {
        }
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary><paramref name="CpuSeconds"/>: CPU time the app used since the previous sample, on all cores together.</summary>
public sealed record ResourceSample(double CpuPercent, double CpuSeconds, double WorkingSetMb, double PeakWorkingSetMb);
