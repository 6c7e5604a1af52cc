using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Hardening;

/// <summary>
/// Behind a TLS-terminating proxy named in <c>ForwardedHeaders</c>, a request the proxy marks <c>X-Forwarded-Proto:
/// https</c> counts as HTTPS: the answer carries HSTS and the sign-in cookie is <c>Secure</c>. From an address nobody
/// configured, the same header is not believed. Served by real Kestrel and reached over a non-loopback address of
/// this machine, because loopback is always trusted as a proxy.
/// </summary>
public sealed partial class ForwardedHeaderTests
{
    private const string Email = "proxy-admin@bowinbox.test";
    private const string Password = "Proxy-pass-123";

    [Fact]
    public async Task Behind_a_configured_proxy_https_answers_carry_hsts_and_a_secure_sign_in_cookie()
    {
        var address = MachineAddress();
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings["ForwardedHeaders:KnownProxies"] = address.ToString();

        var (page, signIn) = await SignInThroughProxyAsync(app, address);

        Assert.Matches(@"^max-age=\d+", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = AuthCookie(signIn);
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_the_proxy_configured_the_forwarded_scheme_is_not_believed()
    {
        var address = MachineAddress();
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };

        var (page, signIn) = await SignInThroughProxyAsync(app, address);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("; secure", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets the login page and signs in through its form, every request marked as forwarded from HTTPS.</summary>
    private static async Task<(HttpResponseMessage Page, HttpResponseMessage SignIn)> SignInThroughProxyAsync(InboxAppFactory app, IPAddress address)
    {
        // Kestrel on this machine's own address: the request then comes from it, not from loopback.
        app.UseKestrel(options => options.Listen(address, 0));
        app.StartServer();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Admin))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Admin));
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Proxy Admin" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        // Cookies are carried by hand: a Secure cookie is, rightly, never sent back over plain HTTP by a cookie container.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://{address}:{port}") };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var page = await http.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var form = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
                ["_handler"] = "login",
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
            }),
        };
        form.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signIn = await http.SendAsync(form, TestContext.Current.CancellationToken);
        return (page, signIn);
    }

    private static string AuthCookie(HttpResponseMessage response)
        => Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("BowInbox.Auth=", StringComparison.Ordinal));

    /// <summary>An IPv4 address of this machine other than loopback: requests from it are not trusted unless configured.</summary>
    private static IPAddress MachineAddress()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.SkipWhen(address is null, "This machine has no non-loopback IPv4 address to reach the app through.");
        return address!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
