using System.Net;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Media;

/// <summary>Without tesseract the app starts, reports itself degraded and says which policy applies instead.</summary>
public sealed class MediaScanningHealthTests
{
    [Fact]
    public async Task Without_tesseract_health_is_degraded_and_the_policy_page_says_image_scanning_is_off()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Scanning:Ocr:Path"] = "/nonexistent/tesseract";

        var health = await app.CreateBrowserlessClient().GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("Degraded", body, StringComparison.Ordinal);
        Assert.Contains("Image scanning is off", body, StringComparison.Ordinal);
        using var admin = await Login.AsAsync(app, "admin@demo.local");
        var page = await admin.GetStringAsync("/admin/content-policy");
        Assert.Contains("Image scanning is off", page, StringComparison.Ordinal);
        Assert.Contains("from customers Relay and flag, from providers Hold for review", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_tesseract_health_stays_healthy_even_without_a_speech_endpoint()
    {
        MediaFixtures.RequireTesseract();
        await using var app = new InboxAppFactory();

        var health = await app.CreateBrowserlessClient().GetAsync("/health");

        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
