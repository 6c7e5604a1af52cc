using System.Security.Claims;
using BowInbox.Core.Ai;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Ai;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Inbox;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BowInbox.Tests.Ai;

/// <summary>With no AI configured (the default) nothing that could call out exists and the inbox looks as before.</summary>
public sealed class AiOffTests : BunitContext, IClassFixture<SharedApp>
{
    private readonly InboxAppFactory app;

    public AiOffTests(SharedApp shared)
    {
        app = shared.App;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_ => app.Services.GetRequiredService<AiAssistant>());
        Services.AddSingleton(_ => app.Services.GetRequiredService<ReplySender>());
        Services.AddSingleton(_ => app.Services.GetRequiredService<ReadReceipts>());
        Services.AddSingleton(_ => app.Services.GetRequiredService<TicketActions>());
        Services.AddSingleton(_ => app.Services.GetRequiredService<ApprovedTemplates>());
        Services.AddSingleton(_ => app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>());
    }

    private static ClaimsPrincipal Intake() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "intake-user"), new Claim(ClaimTypes.Name, "intake@demo.local"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));

    [Fact]
    public async Task Nothing_that_calls_out_is_registered_and_the_inbox_shows_no_AI()
    {
        Assert.Null(app.Services.GetService<IChatClient>());
        Assert.IsType<AiChatOff>(app.Services.GetRequiredService<IAiChat>());
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "my sink is leaking", from: "15557310001");

        var summary = Render<AiSummary>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()));
        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()).Add(c => c.WindowOpen, true));

        Assert.Empty(summary.Markup.Trim());
        Assert.Empty(composer.FindAll("[data-testid=ai-suggestions]"));
        Assert.NotEmpty(composer.FindAll("[data-testid=composer-input]"));
        var assistant = app.Services.GetRequiredService<AiAssistant>();
        Assert.Equal(AiOutcome.Off, (await assistant.SummaryAsync(Intake(), ticketId, Xunit.TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal(AiOutcome.Off, (await assistant.SuggestedRepliesAsync(Intake(), ticketId, Xunit.TestContext.Current.CancellationToken)).Outcome);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("AI ", StringComparison.Ordinal) && l.Contains(" call for ticket", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not a url", "gpt-4o-mini", "AI:Endpoint must be an absolute")]
    [InlineData("https://api.example.com/v1", "", "AI:ChatModel is required")]
    [InlineData("", "gpt-4o-mini", "AI:Endpoint is required")]
    public void A_bad_AI_setting_is_refused_with_a_clear_error(string endpoint, string model, string error)
    {
        var result = new AiOptionsValidator().Validate(null, new AiOptions { Endpoint = endpoint, ChatModel = model });

        Assert.True(result.Failed);
        Assert.Contains(error, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new AiOptionsValidator().Validate(null, new AiOptions()).Succeeded);
        Assert.False(new AiOptions().Offers(AiPurpose.Summary));
    }
}
