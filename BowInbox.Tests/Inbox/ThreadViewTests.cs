using BowInbox.Core.Messaging;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Inbox;
using Bunit;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

public sealed class ThreadViewTests : BunitContext
{
    public ThreadViewTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static ThreadMessage Message(long id, MessageDirection direction, string type, string? text, DeliveryStatus status = DeliveryStatus.None,
        string? mime = null, string? caption = null, double? lat = null, double? lon = null, string? place = null, string? errorTitle = null, string? original = null)
        => new(id, direction, "C-4F7K2 Maria", type, text, original is not null, status, errorTitle is null ? null : 131047, errorTitle, mime, caption, lat, lon, place, new DateTime(2026, 11, 23, 10, id is > 0 and < 60 ? (int)id : 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Renders_each_message_kind()
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, new[]
        {
            Message(1, MessageDirection.FromCustomer, "text", "My pipe is leaking"),
            Message(2, MessageDirection.FromCustomer, "image", null, mime: "image/jpeg", caption: "This is the leak"),
            Message(3, MessageDirection.FromCustomer, "location", "📍 Home", lat: 40.7411, lon: -73.9897, place: "Home"),
            Message(4, MessageDirection.InternalNote, "note", "Call back after 5"),
            Message(5, MessageDirection.FromCustomer, "unsupported", "Unsupported message"),
        }));

        var messages = thread.FindAll("[data-testid=message]");
        Assert.Equal(5, messages.Count);
        Assert.Contains("My pipe is leaking", messages[0].TextContent);
        Assert.Contains("image (image/jpeg)", thread.Find("[data-testid=media]").TextContent);
        Assert.Contains("This is the leak", messages[1].TextContent);
        var link = thread.Find("[data-testid=location-link]");
        Assert.Contains("mlat=40.7411", link.GetAttribute("href"));
        Assert.Contains("Home", link.TextContent);
        Assert.Contains("Internal note", messages[3].TextContent);
        Assert.Contains("note", messages[3].ClassName);
        Assert.Contains("Unsupported message", messages[4].TextContent);
    }

    [Theory]
    [InlineData(DeliveryStatus.Pending, "sending")]
    [InlineData(DeliveryStatus.Sent, "✓ sent")]
    [InlineData(DeliveryStatus.Delivered, "✓✓ delivered")]
    [InlineData(DeliveryStatus.Read, "✓✓ read")]
    [InlineData(DeliveryStatus.Failed, "failed: Re-engagement message")]
    public void Shows_the_delivery_state_of_outbound_messages(DeliveryStatus status, string expected)
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, new[]
        {
            Message(1, MessageDirection.ToCustomer, "text", "On our way", status, errorTitle: status == DeliveryStatus.Failed ? "Re-engagement message" : null),
        }));

        Assert.Contains(expected, thread.Find("[data-testid=delivery-status]").TextContent);
    }

    [Fact]
    public void Inbound_messages_have_no_delivery_ticks_and_originals_show_only_when_given()
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, new[]
        {
            Message(1, MessageDirection.FromCustomer, "text", "call me on [phone removed]", original: "call me on 555 700 0001"),
            Message(2, MessageDirection.FromCustomer, "text", "thanks"),
        }));

        Assert.Empty(thread.FindAll("[data-testid=delivery-status]"));
        Assert.Single(thread.FindAll("[data-testid=original-text]"));
    }

    [Theory]
    [InlineData(MessageDirection.FromCustomer, DeliveryStatus.Delivered, "✓✓ delivered")]
    [InlineData(MessageDirection.FromCustomer, DeliveryStatus.Read, "✓✓ read")]
    [InlineData(MessageDirection.FromProvider, DeliveryStatus.Sent, "✓ sent")]
    [InlineData(MessageDirection.FromProvider, DeliveryStatus.Failed, "failed: Re-engagement message")]
    public void Relayed_messages_show_the_ticks_of_the_copy_that_went_to_the_other_side(MessageDirection direction, DeliveryStatus status, string expected)
    {
        var both = ThreadSides.Customer | ThreadSides.Technician;
        var relayed = Message(1, direction, "text", "3pm is fine", status, errorTitle: status == DeliveryStatus.Failed ? "Re-engagement message" : null)
            with
        { Parties = new MessageParties("Maria (customer)", "Tom (technician), relayed", both, ThreadSides.Customer, false) };
        var toTeam = Message(2, MessageDirection.FromCustomer, "text", "hello?", DeliveryStatus.None)
            with
        { Parties = new MessageParties("Maria (customer)", "team", ThreadSides.Customer, ThreadSides.Customer, false) };
        var notYetPassedOn = Message(3, direction, "text", "still there?", DeliveryStatus.None)
            with
        { Parties = new MessageParties("Maria (customer)", "Tom (technician), relayed", both, ThreadSides.Customer, false) };

        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, new[] { relayed, toTeam, notYetPassedOn }));

        var ticks = thread.FindAll("[data-testid=delivery-status]");
        Assert.Single(ticks);
        Assert.Contains(expected, ticks[0].TextContent);
        Assert.Equal(status.ToString(), ticks[0].GetAttribute("data-status"));
    }

    [Fact]
    public void Empty_thread_says_so()
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, Array.Empty<ThreadMessage>()));

        Assert.Contains("No messages yet", thread.Markup);
    }
}
