using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

public class InboundMessageDisplayTextTests
{
    [Fact]
    public void Location_without_name_falls_back_to_address()
    {
        var message = Message("location") with { Location = new InboundLocation(40.7411, -73.9897, null, "12 Main St") };

        Assert.Equal("📍 12 Main St (40.7411, -73.9897)", message.DisplayText);
    }

    [Fact]
    public void Location_without_name_or_address_shows_coordinates()
    {
        var message = Message("location") with { Location = new InboundLocation(-33.8688, 151.2093, null, null) };

        Assert.Equal("📍 (-33.8688, 151.2093)", message.DisplayText);
    }

    [Fact]
    public void Coordinates_use_a_dot_whatever_the_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var message = Message("location") with { Location = new InboundLocation(40.5, -73.25, "Home", null) };

            Assert.Equal("📍 Home (40.5, -73.25)", message.DisplayText);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Removed_reaction_is_shown_as_removed()
    {
        var message = Message("reaction") with { Reaction = new InboundReaction("wamid.OURS", "") };

        Assert.Equal("Removed reaction", message.DisplayText);
    }

    [Fact]
    public void Several_shared_contacts_are_listed_by_name_without_their_numbers()
    {
        var message = Message("contacts") with
        {
            SharedContacts =
            [
                new SharedContact("Tom Plumbing", ["+1 555-010-0001"], []),
                new SharedContact(null, ["+1 555-010-0002"], ["x@example.com"]),
            ],
        };

        Assert.Equal("Shared contact: Tom Plumbing, (no name)", message.DisplayText);
        Assert.DoesNotContain("555", message.DisplayText);
    }

    [Fact]
    public void Document_without_caption_shows_its_filename()
    {
        var message = Message("document") with { Media = new InboundMedia("9", "application/pdf", null, null, "quote.pdf") };

        Assert.Equal("quote.pdf", message.DisplayText);
    }

    [Fact]
    public void Image_without_caption_is_shown_by_its_type()
    {
        var message = Message("image") with { Media = new InboundMedia("9", "image/jpeg", null, null, null) };

        Assert.Equal("[image message]", message.DisplayText);
    }

    [Fact]
    public void Blank_text_is_shown_by_its_type()
    {
        Assert.Equal("[text message]", (Message("text") with { Text = "  " }).DisplayText);
    }

    private static InboundMessage Message(string type) => new()
    {
        Wamid = "wamid.TEST",
        From = "15557000001",
        PhoneNumberId = Webhooks.OurNumber,
        Timestamp = new DateTime(2026, 11, 23, 2, 13, 20, DateTimeKind.Utc),
        Type = type,
    };
}
