using BowInbox.Core.WhatsApp;
using BowInbox.Web.Simulator;

namespace BowInbox.Tests.Channel;

/// <summary>The Development simulator plays a customer with a WhatsApp username: a BSUID and no phone, as Meta sends it.</summary>
public class SimulatedUsernameCustomerTests
{
    private const string UserId = "US.13491208655302741918";

    [Fact]
    public void Username_customer_message_has_a_bsuid_and_no_phone()
    {
        var json = SimulatedWebhooks.TextMessage("100000000000001", UserId, "Lucía", "hola", "wamid.SIM1", DateTime.UtcNow);

        var message = Assert.Single(WebhookPayloadParser.Parse(json).Webhook!.Messages);
        Assert.Equal(UserId, message.FromUserId);
        Assert.Null(message.FromPhone);
        Assert.Equal("Lucía", message.ProfileName);
        Assert.DoesNotContain("\"from\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("wa_id", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_to_a_username_customer_names_the_bsuid_not_a_phone()
    {
        var json = SimulatedWebhooks.Status("100000000000001", UserId, "wamid.SIM2", "delivered", DateTime.UtcNow);

        var status = Assert.Single(WebhookPayloadParser.Parse(json).Webhook!.Statuses);
        Assert.Equal(UserId, status.RecipientUserId);
        Assert.Null(status.RecipientId);
    }
}
