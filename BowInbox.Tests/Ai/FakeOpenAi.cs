using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BowInbox.Tests.Ai;

/// <summary>
/// An OpenAI-compatible chat server on a free local port: it keeps every request body it receives and answers with
/// the content registered for the first phrase the request contains (an instruction's words pick the answer).
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> answers = new();

    private FakeOpenAi(WebApplication app) => this.app = app;

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>The base address to configure as <c>AI:Endpoint</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<FakeOpenAi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeOpenAi(builder.Build());
        fake.app.MapPost("/v1/chat/completions", fake.AnswerAsync);
        await fake.app.StartAsync();
        var address = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Endpoint = address.TrimEnd('/') + "/v1";
        return fake;
    }

    /// <summary>Requests whose body contains <paramref name="phrase"/> are answered with <paramref name="content"/>.</summary>
    public void Answer(string phrase, string content) => answers[phrase] = content;

    private async Task<IResult> AnswerAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        Bodies.Enqueue(body);
        var content = answers.FirstOrDefault(a => body.Contains(JsonEncodedText.Encode(a.Key).ToString(), StringComparison.Ordinal)).Value ?? "";
        return Results.Json(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 42, completion_tokens = 7, total_tokens = 49 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
