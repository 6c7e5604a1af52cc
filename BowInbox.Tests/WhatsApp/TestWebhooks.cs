namespace BowInbox.Tests.WhatsApp;

/// <summary>Hand-written webhook bodies for cases the recorded fixtures do not cover.</summary>
internal static class TestWebhooks
{
    public const string OurNumber = "100000000000001";

    /// <summary>A single "messages" change whose value holds <paramref name="valueMembers"/> besides metadata.</summary>
    public static string WithValue(string valueMembers)
        => $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"300000000000001","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550000000","phone_number_id":"{{{OurNumber}}}"},
              {{{valueMembers}}}
            }}]}]}
            """;

    public static string WithMessage(string messageJson) => WithValue($$"""
        "contacts":[{"profile":{"name":"Maria Lopez"},"wa_id":"15557000001"}],
        "messages":[{{messageJson}}]
        """);

    public static string WithStatus(string statusJson) => WithValue($$"""
        "statuses":[{{statusJson}}]
        """);
}
