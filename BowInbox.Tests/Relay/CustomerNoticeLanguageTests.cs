using BowInbox.Tests.Support;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>The notice about removed contact details reaches the customer in their language; the technician's stays English.</summary>
public sealed class CustomerNoticeLanguageTests
{
    [Fact]
    public async Task Spanish_customer_whose_phone_was_removed_is_told_in_Spanish()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await AssignedConversationAsync(app, firstText: "Hola, se me rompió la tubería debajo del fregadero");

        await CustomerWritesAsync(app, "Estoy en el segundo piso, 555 010 0199");

        await app.WaitForSendAsync(Central, Customer, t => t == "Tu mensaje se envió sin los datos de contacto: los datos de contacto solo se comparten a través de la plataforma.", "the Spanish notice");
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.PhoneNumberId == session.PoolPhoneNumberId && r.Body.Contains("Estoy en el segundo piso, [phone removed]", StringComparison.Ordinal)), "the redacted text at the provider");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && r.Body.Contains("was sent with", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Tom && (r.Body.Contains("010 0199", StringComparison.Ordinal) || r.Body.Contains(Customer, StringComparison.Ordinal)));
    }
}
