using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Media;

/// <summary>
/// Tesseract, run as a process on a temporary copy of the image with a time limit. Whether it is installed is
/// checked once (<c>tesseract --version</c>) and reported on /health and the content policy page.
/// </summary>
public sealed class TesseractOcr(IOptions<MediaScanOptions> options, ILogger<TesseractOcr> logger)
{
    private readonly Lazy<bool> available = new(() => Probe(options.Value.Ocr.Path));

    public bool Available => available.Value;

    public string Languages => options.Value.Ocr.Languages;

    /// <summary>The text in the image file, or null with the reason when it could not be read.</summary>
    public async Task<(string? Text, string? Failure)> ReadFileAsync(string imagePath, CancellationToken cancellationToken)
    {
        if (!Available)
        {
            return (null, "image scanning is off (tesseract is not installed)");
        }

        var ocr = options.Value.Ocr;
        var result = await ExternalProcess.RunAsync(ocr.Path, [imagePath, "stdout", "-l", ocr.Languages], TimeSpan.FromSeconds(ocr.TimeoutSeconds), cancellationToken);
        if (result.TimedOut)
        {
            return (null, $"the image could not be read within {ocr.TimeoutSeconds} seconds");
        }

        if (result.ExitCode != 0)
        {
            // Tesseract's message names the file, never its content; still, only the exit code goes to the log.
            logger.LogInformation("Tesseract could not read an image (exit code {ExitCode})", result.ExitCode);
            return (null, "the file is not an image that could be read");
        }

        return (result.Output, null);
    }

    /// <summary>
    /// Synchronous on purpose: the first caller may be a page on a circuit's synchronisation context, where blocking
    /// on an async wait would deadlock. <c>--version</c> prints a few lines, which fit the pipe's buffer.
    /// </summary>
    private static bool Probe(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or FileNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>A program run with arguments (never through a shell), its output read, killed when it overruns.</summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Output, bool TimedOut);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await output, TimedOut: false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return new Result(-1, "", TimedOut: true);
        }
        finally
        {
            _ = errors.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
