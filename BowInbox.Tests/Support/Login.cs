using System.Net;
using System.Text.RegularExpressions;

namespace BowInbox.Tests.Support;

/// <summary>Logs in through the real login form (antiforgery token and all), as a browser would.</summary>
public static partial class Login
{
    public const string DemoPassword = "BowInbox-demo-1";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    public static async Task<HttpClient> AsAsync(InboxAppFactory app, string email)
    {
        var client = app.CreateBrowserlessClient();
        var response = await PostAsync(client, email, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts an empty form to <paramref name="action"/> with the antiforgery token of <paramref name="page"/>, as that page's form would.</summary>
    public static async Task<HttpResponseMessage> PostFormFromAsync(HttpClient client, string page, string action)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
