using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

public class SendingRestrictionPolicyTests
{
    [Theory]
    [InlineData(131048)]
    [InlineData(368)]
    public void Spam_limit_and_policy_block_stop_the_number_and_are_never_retried(int code)
    {
        var failure = new SendFailure(SendErrorPolicy.Classify(400, code), 400, code, "restricted", null);

        Assert.Equal(SendErrorKind.SendingRestricted, failure.Kind);
        Assert.False(failure.IsRetryable);
        Assert.False(SendErrorPolicy.ShouldRetry(failure, 1));
    }

    [Fact]
    public void The_131048_fixture_keeps_its_code_and_reason()
    {
        var failure = SendFailure.FromResponse(400, Fixtures.Text("send_error_400_131048.json"));

        Assert.Equal(WhatsAppErrorCodes.SpamRateLimit, failure.Code);
        Assert.Contains("Spam rate limit", failure.Title);
        Assert.Contains("restrictions on how many messages", failure.Details);
    }

    [Fact]
    public void Pair_rate_limit_131056_paces_the_recipient_before_the_retry()
    {
        var failure = SendFailure.FromResponse(400, Fixtures.Text("send_error_400_131056.json"));

        Assert.True(SendErrorPolicy.ShouldRetry(failure, 1));
        Assert.Equal(TimeSpan.FromSeconds(6), SendErrorPolicy.RetryDelay(1, failure.Code));
        Assert.Equal(TimeSpan.FromSeconds(12), SendErrorPolicy.RetryDelay(2, failure.Code));
        Assert.True(SendErrorPolicy.RetryDelay(1, failure.Code) > SendErrorPolicy.RetryDelay(1, WhatsAppErrorCodes.ThroughputLimit));
    }
}
