using BowInbox.Tests.Audit;
using BowInbox.Web.Audit;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class TranscriptBrowserTests
{
    [Fact]
    public async Task Supervisor_opens_a_transcript_and_exports_it_as_csv()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var ticketId = await AuditTestData.SessionAsync(session.App, "15557000091", http);
        var page = await session.LoginAsync("supervisor@demo.local");
        await page.WaitForURLAsync("**/supervisor");

        await page.GotoAsync($"/supervisor/sessions/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("transcript-messages")).ToContainTextAsync("Leaking pipe, call me on [phone removed]");
        Assert.DoesNotContain("15557000091", await page.ContentAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var file = Path.Combine(session.App.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var csv = await File.ReadAllTextAsync(file);

        Assert.Equal($"ticket-{ticketId}-transcript.csv", download.SuggestedFilename);
        Assert.Contains("Leaking pipe, call me on [phone removed]", csv);
        Assert.DoesNotContain("15557000091", csv);
        var entries = await AuditTestData.EntriesAsync(session.App, AuditActions.TranscriptExported);
        Assert.Single(entries, e => e.Target == $"ticket #{ticketId}" && e.Actor == "supervisor@demo.local");
    }
}
