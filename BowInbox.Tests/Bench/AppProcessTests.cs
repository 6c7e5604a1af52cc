using System.Diagnostics;
using BowInbox.Bench;

namespace BowInbox.Tests.Bench;

/// <summary>The benchmark's handle on the app process: an app that dies says so, with its exit code and last log lines.</summary>
public sealed class AppProcessTests
{
    [Fact]
    public async Task An_app_that_cannot_start_is_reported_with_its_exit_code_and_output()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bowinbox-missing-" + Guid.NewGuid().ToString("N") + ".dll");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AppProcess.StartAsync(missing, new Dictionary<string, string>(), TimeSpan.FromSeconds(30)));

        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("while starting", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(missing), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sampling_an_app_that_died_during_the_run_names_the_exit_instead_of_a_process_error()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--version");
        var process = Process.Start(start)!;
        await using var app = new AppProcess(process, "http://127.0.0.1:1");
        await process.WaitForExitAsync();

        var error = Assert.Throws<InvalidOperationException>(() => app.SampleResources());

        Assert.Equal("BowInbox.Web exited with code 0 during the run:", error.Message.Split(Environment.NewLine)[0]);
    }
}
