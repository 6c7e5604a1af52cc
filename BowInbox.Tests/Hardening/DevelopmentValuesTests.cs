using BowInbox.Tests.Support;

namespace BowInbox.Tests.Hardening;

public sealed class DevelopmentValuesTests
{
    [Theory]
    [InlineData("Security:NumberHashKey", "development-only-number-hash-key-change-me")]
    [InlineData("WhatsApp:AppSecret", "development-app-secret")]
    [InlineData("WhatsApp:VerifyToken", "development-verify-token")]
    [InlineData("WhatsApp:AccessToken", "development-access-token")]
    public async Task Production_with_a_committed_development_value_stops_naming_the_setting(string key, string value)
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var message = Flatten(error);
        Assert.Contains($"'{key}'", message);
        Assert.Contains("development value", message);
        Assert.DoesNotContain(value, message);
    }

    [Fact]
    public async Task Production_with_values_of_its_own_starts()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };

        var response = await app.CreateBrowserlessClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Development_may_use_the_committed_values()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:AppSecret"] = "development-app-secret";

        var response = await app.CreateBrowserlessClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
