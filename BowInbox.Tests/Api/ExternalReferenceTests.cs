using System.Net;
using System.Security.Claims;
using BowInbox.Core.Api;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Api;

/// <summary>A ticket's external references reach staff: the details pane, the inbox search, exports and /audit_session.</summary>
public sealed class ExternalReferenceTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly ClaimsPrincipal Intake = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "intake"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));

    private async Task<int> LeadAsync(string whatsApp, string booking)
    {
        var client = await ApiClients.ClientAsync(shared.App, ApiScopes.Write);
        var response = await ApiClients.PostAsync(client, "/api/v1/leads", ApiClients.Lead(whatsApp, reference: new { kind = "booking", id = booking }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClients.JsonAsync(response)).GetProperty("ticketId").GetInt32();
    }

    [Fact]
    public async Task The_inbox_finds_a_ticket_by_its_reference_and_shows_it_in_the_details()
    {
        var ticketId = await LeadAsync("+15557060001", "BK-6001-XYZ");
        var inbox = shared.App.Services.GetRequiredService<InboxQueries>();

        var found = await inbox.ListAsync(Intake, InboxFilter.AllOpen, "6001-XY", 0, 25);
        var details = await inbox.DetailsAsync(Intake, ticketId);

        Assert.Equal(ticketId, Assert.Single(found.Rows).Id);
        Assert.Equal(["booking BK-6001-XYZ"], details!.ExternalReferences);
    }

    [Fact]
    public async Task Exports_and_the_audit_session_summary_carry_the_reference()
    {
        var ticketId = await LeadAsync("+15557060002", "BK-6002");
        await using var db = shared.App.CreateDbContext();
        var transcript = await TranscriptReader.LoadAsync(db, shared.App.Services.GetRequiredService<Web.Privacy.OriginalTexts>(), ticketId, CancellationToken.None);

        Assert.Contains("\"externalReferences\": [\n      \"booking BK-6002\"", TranscriptExport.ToJson(transcript!).ReplaceLineEndings("\n"));
        Assert.Contains("external reference booking BK-6002", TranscriptExport.ToCsv(transcript!).Split('\n')[0]);
        Assert.Contains("Ref: booking BK-6002", AuditSessionSummary.Text(transcript!, "https://inbox.example/s/1"));
    }
}
