using BowInbox.Core.Tickets;
using BowInbox.Web.Components.Pages.Queue;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace BowInbox.Tests.Ai;

/// <summary>Hand back on the technician's job card with the AI's draft note: prefilled, editable, sent only on confirm.</summary>
public sealed class HandoffNoteDialogTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 20, 0, DateTimeKind.Utc);

    public HandoffNoteDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public void The_drafted_note_is_prefilled_editable_and_handed_back_on_confirm()
    {
        var sent = new List<string>();
        var job = new QueueJob(7, "C-4F7K2", "Beatriz", "plumbing", "Centro", TicketStatus.Assigned, Now, true, Urgency.Normal, Now.AddMinutes(-25));
        var draft = new TaskCompletionSource<string?>();
        var provider = Render<MudDialogProvider>();
        var card = Render<JobCard>(p => p
            .Add(c => c.Job, job)
            .Add(c => c.OnDone, () => Task.FromResult(ActionResult.Ok("done")))
            .Add(c => c.OnHandBack, () => Task.FromResult(ActionResult.Ok("back without a note")))
            .Add(c => c.DraftHandoffNote, () => draft.Task)
            .Add(c => c.OnHandBackWithNote, note =>
            {
                sent.Add(note);
                return Task.FromResult(ActionResult.Ok("back"));
            }));

        card.Find("[data-testid=job-hand-back]").Click();

        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=handoff-note-loading]")));
        draft.SetResult("Leaking trap replaced; the cabinet floor still needs drying.");
        provider.WaitForAssertion(() => Assert.Equal("Leaking trap replaced; the cabinet floor still needs drying.", provider.Find("textarea").GetAttribute("value") ?? provider.Find("textarea").TextContent));
        Assert.Empty(sent);
        provider.Find("textarea").Change("Trap replaced.");
        provider.Find("[data-testid=handoff-confirm]").Click();

        card.WaitForAssertion(() => Assert.Equal(["Trap replaced."], sent));
    }
}
