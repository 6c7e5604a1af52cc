using BowInbox.Core.Webhooks;

namespace BowInbox.Tests.OutgoingWebhooks;

public sealed class WebhookRulesTests
{
    private const string Secret = "whsec_test";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_verifies_with_its_secret_and_body_within_the_tolerance()
    {
        var header = WebhookSigning.Header(Secret, Now.ToUnixTimeSeconds(), "{\"id\":\"evt_1\"}");

        Assert.Matches("^t=\\d+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSigning.Verify(Secret, header, "{\"id\":\"evt_1\"}", Now.AddMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigning.Verify("whsec_other", header, "{\"id\":\"evt_1\"}", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigning.Verify(Secret, header, "{\"id\":\"evt_2\"}", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigning.Verify(Secret, header, "{\"id\":\"evt_1\"}", Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigning.Verify(Secret, null, "{\"id\":\"evt_1\"}", Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Signature_is_the_hex_hmac_of_time_dot_body_as_documented()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("whsec_test"u8.ToArray(), "1700000000.{}"u8.ToArray()));

        Assert.Equal($"t=1700000000,v1={expected}", WebhookSigning.Header(Secret, 1_700_000_000, "{}"));
    }

    [Fact]
    public void Retries_double_from_30_seconds_up_to_4_hours_and_stop_after_24_hours()
    {
        var created = Now.UtcDateTime;

        Assert.Equal(created.AddSeconds(30), WebhookRetrySchedule.NextAttempt(created, 1, created));
        Assert.Equal(created.AddMinutes(10).AddSeconds(60), WebhookRetrySchedule.NextAttempt(created, 2, created.AddMinutes(10)));
        Assert.Equal(created.AddHours(5).AddHours(4), WebhookRetrySchedule.NextAttempt(created, 12, created.AddHours(5)));
        Assert.Null(WebhookRetrySchedule.NextAttempt(created, 12, created.AddHours(21)));
    }

    [Theory]
    [InlineData("https://hooks.example.com/in", true, null)]
    [InlineData("http://127.0.0.1:5000/in", true, null)]
    [InlineData("http://hooks.example.com/in", false, "Use https")]
    [InlineData("", false, "Enter the URL")]
    [InlineData("hooks.example.com/in", false, "Enter a full address")]
    [InlineData("ftp://hooks.example.com/in", false, "Enter a full address")]
    [InlineData("https://user:pass@hooks.example.com/in", false, "Leave the user name")]
    [InlineData("https://hooks.example.com/in#x", false, "Leave out the #fragment")]
    public void Subscription_urls_must_be_absolute_and_https_outside_development(string url, bool allowHttp, string? problem)
    {
        var found = WebhookUrlRules.Problem(url, allowHttp);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found);
        }
    }
}
