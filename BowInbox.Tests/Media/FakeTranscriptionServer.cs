using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BowInbox.Tests.Media;

/// <summary>
/// A local OpenAI-compatible speech-to-text server on a free port: answers <c>POST /v1/audio/transcriptions</c> with
/// <see cref="Transcript"/> (or <see cref="Status"/> when it is not 200) and records each request as received.
/// </summary>
internal sealed class FakeTranscriptionServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public FakeTranscriptionServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public string Transcript { get; set; } = "";

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public ConcurrentQueue<(string Path, string? Authorization, string ContentType, string Body)> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.Latin1);
            Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            var ok = context.Request.HttpMethod == "POST" && context.Request.Url.AbsolutePath == "/v1/audio/transcriptions" && Status == HttpStatusCode.OK;
            context.Response.StatusCode = ok ? 200 : Status == HttpStatusCode.OK ? 404 : (int)Status;
            context.Response.ContentType = "application/json";
            var body = ok ? System.Text.Json.JsonSerializer.Serialize(new { text = Transcript }) : """{"error":{"message":"no"}}""";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
