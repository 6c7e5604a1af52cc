using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using BowInbox.Core.Webhooks;

namespace BowInbox.Tests.OutgoingWebhooks;

/// <summary>One request a subscriber got, as it got it.</summary>
public sealed record ReceivedEvent(string Url, string Body, string? Signature, string EventId, string Type, int? TicketId)
{
    public bool SignedWith(string secret, DateTimeOffset now) => WebhookSigning.Verify(secret, Signature, Body, now, TimeSpan.FromMinutes(5));
}

/// <summary>
/// The subscriber's end, in place of the network for the app's webhook client: records every request and answers what
/// <see cref="Answer"/> says (200 unless told otherwise). <see cref="HoldNext"/> keeps the next request waiting after it
/// was received, as a receiver whose answer never gets back when the app dies meanwhile.
/// </summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    public Func<ReceivedEvent, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    public TaskCompletionSource? Held { get; private set; }

    public void HoldNext() => Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<ReceivedEvent> Of(int ticketId) => Received.Where(r => r.TicketId == ticketId).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var json = JsonNode.Parse(body)!;
        var received = new ReceivedEvent(
            request.RequestUri!.ToString(),
            body,
            request.Headers.TryGetValues(WebhookSigning.HeaderName, out var values) ? values.Single() : null,
            json["id"]!.GetValue<string>(),
            json["type"]!.GetValue<string>(),
            json["ticketId"]?.GetValue<int>());
        Received.Enqueue(received);
        if (Held is { } held)
        {
            Held = null;
            held.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new HttpResponseMessage(Answer(received));
    }
}
