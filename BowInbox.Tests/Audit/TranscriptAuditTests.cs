using System.Net;
using System.Text.Json;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

public sealed class TranscriptAuditTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Csv_export_by_url_has_the_session_with_aliases_and_no_numbers_and_is_audited()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000051");
        var client = await Login.AsAsync(shared.App, "supervisor@demo.local");

        var response = await Login.PostFormFromAsync(client, $"/supervisor/sessions/{ticketId}", $"/supervisor/sessions/{ticketId}/export.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"ticket-{ticketId}-transcript.csv", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("Leaking pipe, call me on [phone removed]", csv);
        Assert.Contains("\"violation\",\"Removed\"", csv);
        Assert.Contains("\"relay-session\",\"open\",\"Tom Baker\"", csv);
        Assert.Contains("15550000011", csv);
        Assert.DoesNotContain("15557000051", csv);
        Assert.DoesNotContain(AuditTestData.ProviderNumber, csv);
        var entry = Assert.Single(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptExported), e => e.Target == $"ticket #{ticketId}");
        Assert.Equal("supervisor@demo.local", entry.Actor);
        Assert.Equal("exported as CSV", entry.Details);
    }

    [Fact]
    public async Task Json_export_by_url_carries_offers_sla_and_timeline_and_is_audited()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000052");
        var client = await Login.AsAsync(shared.App, "admin@demo.local");

        var json = await (await Login.PostFormFromAsync(client, $"/supervisor/sessions/{ticketId}", $"/supervisor/sessions/{ticketId}/export.json")).Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);

        var root = doc.RootElement;
        Assert.Equal(ticketId, root.GetProperty("ticket").GetProperty("id").GetInt32());
        Assert.Equal("Accepted", root.GetProperty("offers")[0].GetProperty("status").GetString());
        Assert.Equal("breached", root.GetProperty("slaTargets").EnumerateArray().Single(t => t.GetProperty("target").GetString() == "First response").GetProperty("outcome").GetString());
        Assert.Contains(root.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("detail").GetString() == "Status Offered → Assigned");
        Assert.DoesNotContain("15557000052", json);
        Assert.Single(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptExported), e => e.Target == $"ticket #{ticketId}" && e.Details == "exported as JSON");
    }

    [Fact]
    public async Task An_export_without_the_pages_token_or_by_a_link_changes_nothing()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000059");
        var client = await Login.AsAsync(shared.App, "supervisor@demo.local");

        var byLink = await client.GetAsync($"/supervisor/sessions/{ticketId}/export.csv");
        var forged = await client.PostAsync($"/supervisor/sessions/{ticketId}/export.csv", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var forgedJson = await client.PostAsync($"/supervisor/sessions/{ticketId}/export.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "made-up" }));

        Assert.Contains(byLink.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedJson.StatusCode);
        Assert.DoesNotContain("Leaking pipe", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptExported), e => e.Target == $"ticket #{ticketId}");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("fine text", "\"fine text\"")]
    public void Csv_cells_defuse_every_formula_start(string value, string expected)
        => Assert.Equal(expected, TranscriptExport.Cell(value));

    [Fact]
    public async Task Export_of_a_missing_ticket_is_404_and_not_audited()
    {
        var client = await Login.AsAsync(shared.App, "supervisor@demo.local");

        var response = await Login.PostFormFromAsync(client, "/supervisor", "/supervisor/sessions/987654/export.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptExported), e => e.Target == "ticket #987654");
    }

    [Fact]
    public async Task Print_page_shows_the_session_without_numbers_and_is_audited_once()
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, "15557000053");
        var client = await Login.AsAsync(shared.App, "supervisor@demo.local");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/supervisor/sessions/{ticketId}/print"));

        Assert.Contains("Leaking pipe, call me on [phone removed]", html);
        Assert.Contains("[number ••53]", html);
        Assert.Contains("15550000011", html);
        Assert.DoesNotContain("15557000053", html);
        Assert.DoesNotContain(AuditTestData.ProviderNumber, html);
        Assert.Single(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptViewed), e => e.Target == $"ticket #{ticketId}" && e.Details == "viewed on the print page");
    }

    [Theory]
    [InlineData(Roles.IntakeAgent)]
    [InlineData(Roles.Technician)]
    public async Task Transcript_service_refuses_other_roles_and_writes_nothing(string role)
    {
        var ticketId = await AuditTestData.SessionAsync(shared.App, role == Roles.Technician ? "15557000054" : "15557000055");
        var transcripts = shared.App.Services.GetRequiredService<Transcripts>();

        Assert.Null(await transcripts.ViewAsync(AuditTestData.As(role), ticketId, "page"));
        Assert.Null(await transcripts.ExportAsync(AuditTestData.As(role), ticketId, TranscriptFormat.Csv));
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(shared.App, AuditActions.TranscriptViewed), e => e.Target == $"ticket #{ticketId}");
    }

    [Fact]
    public async Task Sign_in_is_audited_and_a_failed_sign_in_is_only_logged_with_the_email_masked()
    {
        var client = shared.App.CreateBrowserlessClient();
        var entriesBefore = await EntriesByAsync("tech2@demo.local");

        var failed = await Login.PostAsync(client, "tech2@demo.local", "wrong-password-4417");
        var afterFailure = await EntriesByAsync("tech2@demo.local");
        var succeeded = await Login.PostAsync(client, "tech2@demo.local", Login.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, succeeded.StatusCode);
        // An anonymous flood of wrong passwords must not grow the audit chain.
        Assert.Equal(entriesBefore.Count, afterFailure.Count);
        Assert.Contains(await AuditTestData.EntriesAsync(shared.App, AuditActions.SignIn), e => e.Actor == "tech2@demo.local");
        var logged = Assert.Single(shared.App.Logs.Lines, line => line.Contains("Sign-in failed for", StringComparison.Ordinal) && line.Contains("t•••@demo.local", StringComparison.Ordinal));
        Assert.Contains("wrong email or password", logged);
        Assert.DoesNotContain(shared.App.Logs.Lines, line => line.Contains("tech2@demo.local", StringComparison.Ordinal) && line.Contains("Sign-in failed", StringComparison.Ordinal));
        Assert.DoesNotContain(shared.App.Logs.Lines, line => line.Contains("wrong-password-4417", StringComparison.Ordinal));
    }

    private async Task<List<BowInbox.Core.Audit.AuditEntry>> EntriesByAsync(string actor)
    {
        await using var db = shared.App.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Actor == actor).ToListAsync();
    }
}
