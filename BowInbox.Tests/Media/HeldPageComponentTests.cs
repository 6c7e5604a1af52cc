using BowInbox.Core.Review;
using BowInbox.Data.Identity;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Components.Pages.Admin;
using BowInbox.Web.Components.Pages.Supervisor;
using BowInbox.Web.Media;
using BowInbox.Web.Review;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Media;

/// <summary>/supervisor/held and the unscannable-media policy on /admin/content-policy, rendered with the app's real services.</summary>
public sealed class HeldPageComponentTests : AppComponentTest
{
    public HeldPageComponentTests()
    {
        UseAppService<HeldQueue>();
        UseAppService<HeldItems>();
        UseAppService<Microsoft.EntityFrameworkCore.IDbContextFactory<BowInbox.Data.InboxDbContext>>();
        UseAppService<TesseractOcr>();
        UseAppService<SpeechTranscriber>();
        UseAppService<AuditLog>();
        SignInAs("supervisor@demo.local", Roles.Supervisor);
    }

    [Fact]
    public async Task Approve_on_the_page_relays_the_held_file_and_shows_who_decided()
    {
        var (ticketId, session) = await AssignedConversationAsync(App);
        await Webhooks.PostSignedAsync(App.CreateBrowserlessClient(), Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.HELDPAGE", MediaRelayTests.File("image", "900000000000901", "image/jpeg")));
        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.HeldItems.AnyAsync(h => h.TicketId == ticketId), "the file to be held");

        var page = Render<HeldPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=held-item]")));
        Assert.Contains("not an image that could be read", page.Find("[data-testid=held-scan-result]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("img[alt]"));

        await page.Find("[data-testid=held-approve]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Approved", page.Find("[data-testid=held-item]").GetAttribute("data-status")));
        Assert.Contains("supervisor@demo.local", page.Find("[data-testid=held-item]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=held-approve]"));
        await Eventually.TrueAsync(() => App.Graph.Requests.Any(r => r.To == Customer && r.Json["type"]?.GetValue<string>() == "image"), "the file at the customer");
        Assert.Equal(HeldStatus.Approved, (await db.HeldItems.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task The_admin_sets_the_unscannable_media_policy_per_sender_kind()
    {
        var popovers = Render<MudPopoverProvider>();
        var section = Render<UnscannableMediaSection>();

        // The first select is the customers' (labelled "Unscannable files from customers").
        Assert.Contains("Unscannable files from customers", section.Markup, StringComparison.Ordinal);
        await section.FindAll("div.mud-input-control.mud-select")[0].MouseDownAsync(new());
        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Hold for review", StringComparison.Ordinal)).ClickAsync(new());
        await section.Find("[data-testid=unscannable-save]").ClickAsync(new());

        await using var db = App.CreateDbContext();
        var stored = await UnscannableMediaPolicy.ReadAsync(db, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(new UnscannableMediaPolicy(UnscannableAction.HoldForReview, UnscannableAction.HoldForReview), stored);
        await Eventually.TrueAsync(() => db.AuditEntries.AnyAsync(e => e.Target == UnscannableMediaPolicy.SettingKey && e.Details.Contains("customers=HoldForReview")), "the change in the audit log");
    }
}
