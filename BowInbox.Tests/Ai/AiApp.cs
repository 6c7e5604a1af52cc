using System.Text.RegularExpressions;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Ai;

/// <summary>One app for a test class, with the AI pointed at a fake OpenAI-compatible server and intake on.</summary>
public sealed class AiApp : IAsyncLifetime
{
    public const string Summary = "Customer has a wet floor under the kitchen cabinet since this morning; wants someone today.";
    public const string HandoffNote = "Customer reports a wet cabinet floor; Technician checked the trap, the leak source is still open.";

    public static readonly string[] Replies = ["Thanks, we are on it.", "Could you send a photo of the cabinet?", "Is the water still coming out?"];

    /// <summary>What must never reach the AI: the customer's and the technician's numbers, email and names.</summary>
    public static readonly string[] Identifiers = ["15557300001", "555 730 0001", "7300001", "maria.lopez@example.com", "15550100001", "0100001"];

    public static readonly string[] Names = ["Maria", "Lopez", "Tom", "Baker"];

    public FakeOpenAi Ai { get; private set; } = default!;

    public InboxAppFactory App { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Ai = await FakeOpenAi.StartAsync();
        Ai.Answer("Summarize the conversation", Summary);
        Ai.Answer("Suggest three short", "1. " + string.Join("\n- ", Replies));
        Ai.Answer("choose the service type", """{"service": "Plumbing", "area": "nowhere-town", "urgent": false, "confidence": 0.9}""");
        Ai.Answer("handed to another technician", HandoffNote);
        Ai.Answer("Judge only the last message", """{"leak": true, "reason": "invites the customer to another app"}""");
        App.Settings["AI:Endpoint"] = Ai.Endpoint;
        App.Settings["AI:ApiKey"] = "test-ai-key";
        App.Settings["AI:ChatModel"] = "fake-model";
        App.Settings["Routing:AutomaticIntake"] = "true";
        _ = App.Server;
    }

    /// <summary>No request body the fake server ever received names anyone or carries a number or email.</summary>
    public void AssertNothingIdentifyingWasSent()
    {
        Assert.NotEmpty(Ai.Bodies);
        foreach (var body in Ai.Bodies)
        {
            Assert.All(Identifiers, id => Assert.DoesNotContain(id, body, StringComparison.OrdinalIgnoreCase));
            Assert.All(Names, name => Assert.DoesNotMatch(new Regex($@"\b{name}\b", RegexOptions.IgnoreCase), body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Ai.DisposeAsync();
    }
}
