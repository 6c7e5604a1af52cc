using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

public class WebhookPayloadParserStatusTests
{
    private const string SentWamid = "wamid.HBgLMTU1NTcwMDAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";

    [Theory]
    [InlineData("status_sent.json", DeliveryStatus.Sent, 1795400200)]
    [InlineData("status_delivered.json", DeliveryStatus.Delivered, 1795400202)]
    [InlineData("status_read.json", DeliveryStatus.Read, 1795400230)]
    public void Progress_status_maps_to_delivery_status(string fixture, DeliveryStatus expected, long unixSeconds)
    {
        var status = Single(Fixtures.Text(fixture));

        Assert.Equal(SentWamid, status.Wamid);
        Assert.Equal(expected, status.Status);
        Assert.Equal("15557000001", status.RecipientId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime, status.Timestamp);
        Assert.Equal("100000000000001", status.PhoneNumberId);
        Assert.Null(status.ErrorCode);
        Assert.Null(status.ErrorTitle);
    }

    [Fact]
    public void Undeliverable_failure_carries_code_and_title()
    {
        var status = Single(Fixtures.Text("status_failed_131026.json"));

        Assert.Equal("wamid.HBgLMTU1NTcwMDAwMDQVAgARGBJBQkNERUYwMTIzNDU2Nzg5QUMA", status.Wamid);
        Assert.Equal(DeliveryStatus.Failed, status.Status);
        Assert.Equal("15557000004", status.RecipientId);
        Assert.Equal(new DateTime(2026, 11, 23, 2, 17, 40, DateTimeKind.Utc), status.Timestamp);
        Assert.Equal(131026, status.ErrorCode);
        Assert.Equal("Message undeliverable", status.ErrorTitle);
    }

    [Fact]
    public void Re_engagement_failure_on_proxy_number_carries_code_and_number()
    {
        var status = Single(Fixtures.Text("status_failed_131047.json"));

        Assert.Equal(DeliveryStatus.Failed, status.Status);
        Assert.Equal(131047, status.ErrorCode);
        Assert.Equal("Re-engagement message", status.ErrorTitle);
        Assert.Equal("100000000000011", status.PhoneNumberId);
        Assert.Equal("15550100001", status.RecipientId);
    }

    [Fact]
    public void Error_title_falls_back_to_details_then_message()
    {
        var withDetails = Single(Webhooks.WithStatus("""
            {"id":"wamid.A","status":"failed","timestamp":"1795400000","recipient_id":"15557000001",
             "errors":[{"code":131000,"message":"Something went wrong","error_data":{"details":"Try again later."}}]}
            """));
        var withMessageOnly = Single(Webhooks.WithStatus("""
            {"id":"wamid.B","status":"failed","timestamp":"1795400000","errors":[{"code":131000,"message":"Something went wrong"}]}
            """));

        Assert.Equal("Try again later.", withDetails.ErrorTitle);
        Assert.Equal("Something went wrong", withMessageOnly.ErrorTitle);
        Assert.Null(withMessageOnly.RecipientId);
    }

    [Fact]
    public void Unknown_status_is_skipped_and_the_others_are_kept()
    {
        var result = WebhookPayloadParser.Parse(Webhooks.Change("""
            "statuses":[
              {"id":"wamid.A","status":"deleted","timestamp":"1795400000","recipient_id":"15557000001"},
              {"id":"wamid.B","status":"delivered","timestamp":"1795400001","recipient_id":"15557000001"}]
            """));

        Assert.True(result.IsOk, result.Error);
        var status = Assert.Single(result.Webhook.Statuses);
        Assert.Equal("wamid.B", status.Wamid);
    }

    [Fact]
    public void Status_only_webhook_has_no_messages()
    {
        var result = WebhookPayloadParser.Parse(Fixtures.Text("status_read.json"));

        Assert.True(result.IsOk, result.Error);
        Assert.Empty(result.Webhook.Messages);
    }

    private static InboundStatus Single(string json)
    {
        var result = WebhookPayloadParser.Parse(json);
        Assert.True(result.IsOk, result.Error);
        return Assert.Single(result.Webhook.Statuses);
    }
}
