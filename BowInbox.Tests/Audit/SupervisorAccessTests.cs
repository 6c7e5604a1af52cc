using System.Net;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Audit;

/// <summary>Every supervisor screen and export, by direct URL, for each role and for nobody.</summary>
public sealed class SupervisorAccessTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly string[] Urls =
    [
        "/supervisor/audit",
        "/supervisor/roi",
        "/supervisor/bookings",
        "/supervisor/held",
        "/supervisor/held/1/media",
        "/supervisor/sessions/1",
        "/supervisor/sessions/1/print",
        "POST /supervisor/sessions/1/export.csv",
        "POST /supervisor/sessions/1/export.json",
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url)
        => url.StartsWith("POST ", StringComparison.Ordinal)
            ? client.PostAsync(url[5..], new FormUrlEncodedContent(new Dictionary<string, string>()))
            : client.GetAsync(url);

    [Theory]
    [InlineData("intake@demo.local")]
    [InlineData("tech1@demo.local")]
    public async Task Intake_agents_and_technicians_are_denied_every_supervisor_url(string email)
    {
        await AuditTestData.SessionAsync(shared.App, customer: email.StartsWith("tech", StringComparison.Ordinal) ? "15557000041" : "15557000042");
        var client = await Login.AsAsync(shared.App, email);

        foreach (var url in Urls)
        {
            var response = await SendAsync(client, url);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} should be denied {url} but got {(int)response.StatusCode}");
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath());
            Assert.DoesNotContain("Leaking pipe", body);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_from_every_supervisor_url()
    {
        var client = shared.App.CreateBrowserlessClient();

        foreach (var url in Urls)
        {
            var response = await SendAsync(client, url);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath());
        }
    }

    [Theory]
    [InlineData("supervisor@demo.local")]
    [InlineData("admin@demo.local")]
    public async Task Supervisors_and_admins_open_the_supervisor_pages(string email)
    {
        var client = await Login.AsAsync(shared.App, email);

        foreach (var url in new[] { "/supervisor", "/supervisor/held", "/supervisor/audit", "/supervisor/roi" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} should open {url} but got {(int)response.StatusCode}");
        }
    }
}
