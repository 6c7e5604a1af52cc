using System.Net;
using System.Text.RegularExpressions;
using BowInbox.Tests.Support;
using BowInbox.Web.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BowInbox.Tests.Hardening;

public sealed partial class SecurityHeaderTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var client = shared.App.CreateBrowserlessClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_signed_in_page_carries_them_and_its_import_map_has_the_nonce_of_its_policy()
    {
        var client = await Login.AsAsync(shared.App, "intake@demo.local");

        var response = await client.GetAsync("/inbox", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = AssertSecurityHeaders(response);
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        var second = await client.GetAsync("/inbox", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(nonce, Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public void The_sign_in_cookie_lasts_eight_hours_sliding_by_default()
    {
        var cookie = shared.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromHours(IdentitySetup.DefaultCookieHours), cookie.ExpireTimeSpan);
        Assert.Equal(TimeSpan.FromHours(8), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
    }

    [Fact]
    public async Task The_sign_in_cookie_lifetime_is_configurable()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Identity:CookieHours"] = "2";

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromHours(2), cookie.ExpireTimeSpan);
    }

    private static string AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Matches(@"script-src 'self' 'nonce-[0-9a-f]{32}';", policy);
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy);
        Assert.DoesNotContain("https:", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("img-src 'self' data: blob:", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        return policy;
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
