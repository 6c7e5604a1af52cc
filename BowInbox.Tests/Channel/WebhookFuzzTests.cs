using System.Net;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Channel;

/// <summary>
/// Signed webhooks bent every way Meta's shapes can bend, through the real app: each is answered 200 or 400
/// (never a server error), whatever is accepted is processed without a failed attempt (validation, not the
/// database, refuses bad values), automatic intake takes up every ticket they open, and a normal message still
/// goes through afterwards.
/// </summary>
public sealed class WebhookFuzzTests
{
    private const int Seed = 20261207;
    private const int Cases = 400;

    [Fact]
    public async Task Fuzzed_signed_webhooks_never_fail_the_server_or_park_an_event()
    {
        await using var app = new RoutingApp();
        var client = app.CreateBrowserlessClient();
        var answers = new Dictionary<HttpStatusCode, int>();
        var failures = new List<string>();

        var index = 0;
        foreach (var body in new WebhookFuzzCases(Seed).Generate(Cases))
        {
            using var response = await Webhooks.PostSignedAsync(client, body);
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                failures.Add($"case {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            index++;
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // Both answers occur, so the cases reach past the parser's refusals into processing.
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.OK) > Cases / 4, $"accepted: {answers.GetValueOrDefault(HttpStatusCode.OK)}");
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.BadRequest) > Cases / 10, $"refused: {answers.GetValueOrDefault(HttpStatusCode.BadRequest)}");

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(
            () => db.InboundEvents.AllAsync(e => e.ProcessedAt != null || e.LastError != null),
            "every accepted webhook to be processed (or to fail an attempt)",
            timeoutMs: 60_000);
        var failed = await db.InboundEvents.AsNoTracking().Where(e => e.LastError != null)
            .Select(e => $"event {e.Id}: {e.Attempts} attempt(s), {e.LastError}").ToListAsync();
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));

        // SQLite does not enforce column lengths; PostgreSQL and SQL Server would refuse the row at processing time.
        Assert.Empty(await StoredColumns.TooLongAsync(db));

        // Intake reached every ticket the fuzz opened: no customer's text stopped it. A fuzzed message may be days old,
        // its 24-hour window closed: then intake records that the acknowledgement could not be sent, which is handled too.
        await Eventually.TrueAsync(
            () => db.Tickets.AllAsync(t => db.TicketEvents.Any(e => e.TicketId == t.Id && (e.Kind == LeadIntake.Acknowledged || e.Kind == LeadIntake.NotSent))),
            "every ticket to be acknowledged by intake",
            timeoutMs: 60_000);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("LeadIntake could not handle", StringComparison.Ordinal));

        var normal = await Webhooks.PostSignedAsync(client, WebhookFuzzCases.Normal("wamid.AFTER-FUZZ"));
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.AFTER-FUZZ"), "the normal message after the fuzz to be processed");
    }
}
