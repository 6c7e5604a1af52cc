using BowInbox.Tests.Support;

namespace BowInbox.Tests.Foundation;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Production_without_a_connection_string_stops_naming_the_setting()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings["ConnectionStrings:Inbox"] = "";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ConnectionStrings:Inbox", Flatten(error));
    }

    [Fact]
    public async Task A_send_lease_not_longer_than_the_send_timeout_stops_naming_both_settings()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:SendLeaseSeconds"] = "15";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("'WhatsApp:SendLeaseSeconds' (15)", Flatten(error));
        Assert.Contains("'WhatsApp:SendTimeoutSeconds' (15)", Flatten(error));
    }

    [Fact]
    public async Task Production_without_the_number_hash_key_stops_naming_the_setting()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings["Security:NumberHashKey"] = "";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Security:NumberHashKey", Flatten(error));
    }

    [Fact]
    public async Task Production_without_the_audit_hmac_key_stops_naming_the_setting()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings["Audit:HmacKey"] = "";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Audit:HmacKey", Flatten(error));
    }

    [Fact]
    public async Task Unknown_database_provider_stops_the_app()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Database:Provider"] = "Oracle";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Oracle", Flatten(error));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2001")]
    public async Task Sends_in_flight_outside_the_allowed_range_stop_the_app_naming_the_setting(string value)
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:MaxSendsInFlight"] = value;

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("WhatsApp:MaxSendsInFlight", Flatten(error));
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
