using System.Diagnostics;
using System.Net;

namespace BowInbox.Bench;

/// <summary>
/// Open-loop load: message i is due at start + i/rate whatever happened to earlier ones, and its latency
/// runs from that due time. A slow server therefore shows up as latency instead of silently lowering the
/// rate (no coordinated omission). Workers are the concurrent connections the simulated phones share.
/// </summary>
internal sealed class LoadGenerator(int workers) : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = [];

    public async Task<LoadResult> RunAsync(string baseUrl, int rate, TimeSpan duration, Func<int, SignedWebhook> message, Action<int>? accepted, CancellationToken cancellationToken = default)
    {
        var client = Client(baseUrl);
        var total = Math.Max(1, (int)Math.Round(rate * duration.TotalSeconds));
        var latencies = new double[total];
        var tokens = new int[total];
        var next = -1;
        var ok = 0;
        var errors = 0;
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        var ticksPerMessage = (double)Stopwatch.Frequency / rate;

        async Task WorkAsync()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total)
                {
                    return;
                }

                var webhook = message(i);
                tokens[i] = webhook.Token;
                var due = start + (long)(i * ticksPerMessage);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                try
                {
                    using var request = webhook.ToRequest();
                    using var response = await client.SendAsync(request, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        accepted?.Invoke(webhook.Token);
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, total)).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var seconds = Math.Max(duration.TotalSeconds, elapsed.TotalSeconds);
        return new LoadResult(rate, total, ok, errors, Math.Round(elapsed.TotalSeconds, 2), Math.Round(ok / seconds, 1), Percentiles.Of(latencies), tokens);
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    private HttpClient Client(string baseUrl)
    {
        if (!clients.TryGetValue(baseUrl, out var client))
        {
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
            client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            clients[baseUrl] = client;
        }

        return client;
    }
}

/// <summary>One load step: what was offered, what was accepted, and how long each webhook took from its due time.</summary>
internal sealed record LoadResult(int TargetPerSecond, int Sent, int Accepted, int Errors, double ElapsedSeconds, double AcceptedPerSecond, Percentiles Latency, int[] Tokens)
{
    /// <summary>
    /// Every webhook accepted, and at 98 % of the offered rate or more: the step finished within 2 % of its length
    /// (plus 0.1 s for the last answers). A looser bound let a bare step that took in only 95 % of its rate, with
    /// answers growing late by hundreds of milliseconds, count as sustained.
    /// </summary>
    public bool KeptPace(TimeSpan duration)
        => Errors == 0 && Accepted == Sent && ElapsedSeconds <= (duration.TotalSeconds * 1.02) + 0.1;
}
