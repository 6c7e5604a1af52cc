using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

public class SendErrorPolicyTests
{
    [Theory]
    [InlineData("send_error_400_131047.json", 400, SendErrorKind.WindowClosed)]
    [InlineData("send_error_400_130429.json", 400, SendErrorKind.Retryable)]
    [InlineData("send_error_400_131056.json", 400, SendErrorKind.Retryable)]
    [InlineData("send_error_400_131048.json", 400, SendErrorKind.SendingRestricted)]
    [InlineData("send_error_401_190.json", 401, SendErrorKind.AuthFailure)]
    [InlineData("send_error_500_131000.json", 500, SendErrorKind.Retryable)]
    public void Error_fixture_is_classified_by_what_we_do_next(string fixture, int httpStatus, SendErrorKind expected)
    {
        var failure = SendFailure.FromResponse(httpStatus, Fixtures.Text(fixture));

        Assert.Equal(expected, failure.Kind);
        Assert.Equal(expected == SendErrorKind.Retryable, failure.IsRetryable);
        Assert.Equal(httpStatus, failure.HttpStatus);
        Assert.NotNull(failure.Code);
    }

    [Fact]
    public void Closed_window_keeps_code_title_and_details_for_the_agent()
    {
        var failure = SendFailure.FromResponse(400, Fixtures.Text("send_error_400_131047.json"));

        Assert.Equal(131047, failure.Code);
        Assert.Equal("Re-engagement message", failure.Title);
        Assert.Contains("more than 24 hours", failure.Details);
        Assert.False(failure.IsRetryable);
    }

    [Theory]
    [InlineData(131026, SendErrorKind.Undeliverable)]
    [InlineData(100, SendErrorKind.OurBug)]
    [InlineData(131008, SendErrorKind.OurBug)]
    [InlineData(131009, SendErrorKind.OurBug)]
    [InlineData(132000, SendErrorKind.OurBug)]
    [InlineData(132001, SendErrorKind.OurBug)]
    [InlineData(131047, SendErrorKind.WindowClosed)]
    [InlineData(130429, SendErrorKind.Retryable)]
    [InlineData(131056, SendErrorKind.Retryable)]
    public void Graph_error_code_decides_over_a_400(int code, SendErrorKind expected)
    {
        Assert.Equal(expected, SendErrorPolicy.Classify(400, code));
    }

    [Theory]
    [InlineData(500, SendErrorKind.Retryable)]
    [InlineData(502, SendErrorKind.Retryable)]
    [InlineData(503, SendErrorKind.Retryable)]
    [InlineData(408, SendErrorKind.Retryable)]
    [InlineData(429, SendErrorKind.Retryable)]
    [InlineData(401, SendErrorKind.AuthFailure)]
    [InlineData(400, SendErrorKind.OurBug)]
    [InlineData(403, SendErrorKind.OurBug)]
    [InlineData(404, SendErrorKind.OurBug)]
    public void Http_status_decides_when_there_is_no_known_code(int httpStatus, SendErrorKind expected)
    {
        Assert.Equal(expected, SendErrorPolicy.Classify(httpStatus, null));
        Assert.Equal(expected, SendErrorPolicy.Classify(httpStatus, 999999));
    }

    [Fact]
    public void Gateway_error_page_is_retryable_with_a_readable_title()
    {
        var failure = SendFailure.FromResponse(502, "<html><body>Bad Gateway</body></html>");

        Assert.True(failure.IsRetryable);
        Assert.Null(failure.Code);
        Assert.Equal("The Graph API answered HTTP 502", failure.Title);
    }

    [Fact]
    public void Timeouts_and_network_failures_are_retryable()
    {
        var network = SendFailure.NetworkFailure("Connection refused");

        Assert.True(SendFailure.Timeout().IsRetryable);
        Assert.True(network.IsRetryable);
        Assert.Equal("Connection refused", network.Details);
        Assert.Null(network.HttpStatus);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(8, 256)]
    public void Retry_delay_doubles_from_two_seconds(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SendErrorPolicy.RetryDelay(attempt, WhatsAppErrorCodes.ThroughputLimit));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SendErrorPolicy.RetryDelay(attempt, null));
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 12)]
    [InlineData(3, 24)]
    public void Pair_rate_limit_waits_at_least_six_seconds_then_doubles(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SendErrorPolicy.RetryDelay(attempt, WhatsAppErrorCodes.PairRateLimit));
    }

    [Theory]
    [InlineData(9, null)]
    [InlineData(7, WhatsAppErrorCodes.PairRateLimit)]
    [InlineData(1000, null)]
    [InlineData(int.MaxValue, WhatsAppErrorCodes.PairRateLimit)]
    public void Retry_delay_is_capped_at_five_minutes(int attempt, int? code)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), SendErrorPolicy.RetryDelay(attempt, code));
    }

    [Fact]
    public void Retry_delay_needs_an_attempt_number_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SendErrorPolicy.RetryDelay(0, null));
    }

    [Fact]
    public void Retryable_failure_is_retried_until_max_attempts()
    {
        var failure = SendFailure.Timeout();

        Assert.True(SendErrorPolicy.ShouldRetry(failure, SendErrorPolicy.MaxAttempts - 1));
        Assert.False(SendErrorPolicy.ShouldRetry(failure, SendErrorPolicy.MaxAttempts));
    }

    [Fact]
    public void Non_retryable_failure_is_never_retried()
    {
        var failure = SendFailure.FromResponse(400, Fixtures.Text("send_error_400_131047.json"));

        Assert.False(SendErrorPolicy.ShouldRetry(failure, 1));
    }
}
