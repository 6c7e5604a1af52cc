using System.Net;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Foundation;

public sealed class RoleAccessTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly string[] Pages = ["/inbox", "/queue", "/supervisor", "/admin", "/admin/users", "/admin/canned-replies", "/admin/sla", "/admin/webhooks", "/hangfire"];

    public static TheoryData<string, string, string[]> RoleMatrix => new()
    {
        { "admin@demo.local", "/admin", ["/inbox", "/supervisor", "/admin", "/admin/users", "/admin/canned-replies", "/admin/sla", "/admin/webhooks", "/hangfire"] },
        { "supervisor@demo.local", "/supervisor", ["/inbox", "/supervisor"] },
        { "intake@demo.local", "/inbox", ["/inbox"] },
        { "tech1@demo.local", "/queue", ["/queue"] },
    };

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task Each_role_gets_its_home_and_only_its_pages(string email, string home, string[] allowed)
    {
        var client = await Login.AsAsync(shared.App, email);

        var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal(home, root.Headers.Location!.AbsolutePath());

        foreach (var page in Pages)
        {
            var response = await client.GetAsync(page);
            if (allowed.Contains(page))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} should open {page} but got {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} should be denied {page} but got {(int)response.StatusCode}");
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath());
            }
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    [InlineData("/queue")]
    [InlineData("/supervisor")]
    [InlineData("/admin/users")]
    [InlineData("/hangfire")]
    public async Task Anonymous_users_are_sent_to_login(string page)
    {
        var client = shared.App.CreateBrowserlessClient();

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath());
    }

    [Fact]
    public async Task Denied_page_never_renders_its_content()
    {
        var client = await Login.AsAsync(shared.App, "tech1@demo.local");

        var response = await client.GetAsync("/admin/users");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("admin@demo.local", body);
        Assert.DoesNotContain("New user", body);
    }

    [Fact]
    public async Task Health_endpoint_answers_200_when_the_database_is_reachable()
    {
        var client = shared.App.CreateBrowserlessClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_password_does_not_sign_in()
    {
        var client = shared.App.CreateBrowserlessClient();

        var response = await Login.PostAsync(client, "supervisor@demo.local", "not-the-password");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", body);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/supervisor")).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await Login.AsAsync(shared.App, "intake@demo.local");
        var inbox = await client.GetStringAsync("/inbox");
        var token = System.Text.RegularExpressions.Regex.Match(inbox, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["ReturnUrl"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/inbox");
        Assert.Equal("/Account/Login", after.Headers.Location!.AbsolutePath());
    }

    [Fact]
    public async Task Technician_opening_an_inbox_ticket_by_url_is_denied_without_content()
    {
        var customer = shared.App.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(customer, Webhooks.Text("15557000077", "secret leak details"));
        await using (var db = shared.App.CreateDbContext())
        {
            await Eventually.TrueAsync(() => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Tickets), "the ticket");
        }

        var client = await Login.AsAsync(shared.App, "tech1@demo.local");
        var response = await client.GetAsync("/inbox/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath());
        Assert.DoesNotContain("secret leak details", await response.Content.ReadAsStringAsync());
    }
}
