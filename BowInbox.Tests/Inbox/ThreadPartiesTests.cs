using BowInbox.Core.Messaging;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Inbox;
using Bunit;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

/// <summary>Who said what to whom in a thread: labels, side colours, event lines and the Customer / Technician / All switch.</summary>
public sealed class ThreadPartiesTests : BunitContext
{
    private static readonly DateTime Start = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private const string Pool = "100000000000011";

    // Tom was offered the job (and declined); Ana took it and relays from the same pool number since 10:05.
    private static readonly ThreadParties Parties = new("Beatriz",
    [
        new TechnicianSpan(Pool, "Tom", Start.AddMinutes(1), null, Relaying: false),
        new TechnicianSpan(Pool, "Ana", Start.AddMinutes(4), null, Relaying: false),
        new TechnicianSpan(Pool, "Ana", Start.AddMinutes(5), null, Relaying: true),
    ]);

    public ThreadPartiesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static MessageFacts Facts(MessageDirection direction, string author, bool byStaff, int minute, bool held = false)
        => new(direction, author, byStaff, direction is MessageDirection.ToProvider ? Pool : null, Start.AddMinutes(minute), held);

    [Fact]
    public void Every_message_names_its_sender_and_recipient_by_first_name()
    {
        Assert.Equal("Beatriz (customer) → team", Parties.Of(Facts(MessageDirection.FromCustomer, "C-4F7K2 Beatriz", false, 0)).Label);
        Assert.Equal("BowInbox → Tom (technician)", Parties.Of(Facts(MessageDirection.ToProvider, "BowInbox", false, 1)).Label);
        Assert.Equal("Ivy → Beatriz (customer)", Parties.Of(Facts(MessageDirection.ToCustomer, "Ivy Chen", true, 2)).Label);
        Assert.Equal("BowInbox → Ana (technician)", Parties.Of(Facts(MessageDirection.ToProvider, "BowInbox", false, 5)).Label);
        Assert.Equal("Ana (technician) → Beatriz, relayed", Parties.Of(Facts(MessageDirection.FromProvider, "Ana", false, 6)).Label);
        Assert.Equal("Beatriz (customer) → Ana (technician), relayed", Parties.Of(Facts(MessageDirection.FromCustomer, "C-4F7K2 Beatriz", false, 7)).Label);
        Assert.Equal("Beatriz (customer) → team, held", Parties.Of(Facts(MessageDirection.FromCustomer, "C-4F7K2 Beatriz", false, 8, held: true)).Label);
        Assert.Equal("Ivy", Parties.Of(Facts(MessageDirection.InternalNote, "Ivy Chen", true, 9)).Label);
    }

    [Fact]
    public void Only_what_BowInbox_wrote_by_itself_is_automatic_and_each_side_has_its_colour()
    {
        Assert.True(Parties.Of(Facts(MessageDirection.ToCustomer, "BowInbox", false, 1)).Automatic);
        Assert.True(Parties.Of(Facts(MessageDirection.ToProvider, "BowInbox", false, 1)).Automatic);
        Assert.True(Parties.Of(Facts(MessageDirection.System, "BowInbox", false, 1)).Automatic);
        Assert.False(Parties.Of(Facts(MessageDirection.ToCustomer, "Ivy Chen", true, 1)).Automatic);
        Assert.False(Parties.Of(Facts(MessageDirection.FromProvider, "Ana", false, 6)).Automatic);
        Assert.Equal(ThreadSides.Customer, Parties.Of(Facts(MessageDirection.ToCustomer, "Ivy", true, 1)).Colour);
        Assert.Equal(ThreadSides.Technician, Parties.Of(Facts(MessageDirection.ToProvider, "Ivy", true, 1)).Colour);
        Assert.Equal(ThreadSides.Technician, Parties.Of(Facts(MessageDirection.FromProvider, "Ana", false, 6)).Colour);
    }

    [Fact]
    public void A_name_that_is_a_number_or_an_address_never_reaches_the_label()
    {
        var parties = new ThreadParties("Beatriz", [new TechnicianSpan(Pool, ThreadParties.SafeName("0412 345 678", "Technician"), Start, null, true)]);

        var labels = new[]
        {
            parties.Of(Facts(MessageDirection.ToCustomer, "ivy@shop.example", true, 1)).Label,
            parties.Of(Facts(MessageDirection.ToProvider, "+1 555 0100", true, 1)).Label,
            parties.Of(Facts(MessageDirection.FromProvider, "15550100001", false, 2)).Label,
        };

        Assert.Equal(["Staff → Beatriz (customer)", "Staff → Technician (technician)", "Technician (technician) → Beatriz, relayed"], labels);
    }

    [Fact]
    public void The_technician_reads_his_job_as_you()
    {
        Assert.Equal("Beatriz (customer) → you, relayed", ThreadParties.ForTechnician(MessageDirection.FromCustomer, "C-4F7K2 Beatriz", false, "Beatriz").Label);
        Assert.Equal("You → Beatriz, relayed", ThreadParties.ForTechnician(MessageDirection.FromProvider, "Tom", true, "Beatriz").Label);
        Assert.Equal("Ivy → Beatriz (customer)", ThreadParties.ForTechnician(MessageDirection.ToCustomer, "Ivy Chen", true, "Beatriz").Label);
        var briefing = ThreadParties.ForTechnician(MessageDirection.ToProvider, "BowInbox", false, "Beatriz");
        Assert.Equal("BowInbox → you", briefing.Label);
        Assert.True(briefing.Automatic);
        Assert.True(ThreadParties.ForTechnician(MessageDirection.FromProvider, "Tom", true, "Beatriz").Own);
        Assert.False(ThreadParties.ForTechnician(MessageDirection.ToProvider, "Ivy", true, "Beatriz").Own);
    }

    private static ThreadMessage Message(long id, MessageDirection direction, string author, string text, bool byStaff, int minute, DeliveryStatus status = DeliveryStatus.None)
        => new ThreadMessage(id, direction, author, "text", text, false, status, null, null, null, null, null, null, null, Start.AddMinutes(minute))
        {
            Parties = Parties.Of(Facts(direction, author, byStaff, minute)),
        };

    private static readonly ThreadMessage[] Thread =
    [
        Message(1, MessageDirection.FromCustomer, "C-4F7K2 Beatriz", "My boiler is broken", false, 0),
        Message(2, MessageDirection.ToCustomer, "BowInbox", "Thanks, we got your message", false, 0, DeliveryStatus.Delivered),
        Message(3, MessageDirection.ToProvider, "BowInbox", "New job #7: boiler repair\nAccept within 5 minutes", false, 1, DeliveryStatus.Read),
        Message(4, MessageDirection.ToCustomer, "Ivy Chen", "A technician is on the way", true, 2, DeliveryStatus.Sent),
        Message(5, MessageDirection.FromProvider, "Ana", "I can come at 3pm", false, 6),
        Message(6, MessageDirection.InternalNote, "Ivy Chen", "Customer prefers afternoons", true, 7),
    ];

    [Fact]
    public void Automatic_messages_are_small_event_lines_that_open_to_the_full_text()
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, Thread));

        var events = thread.FindAll("[data-testid=thread-event]");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("DETAILS", e.TagName));
        Assert.Contains("BowInbox → Tom (technician)", events[1].QuerySelector("summary")!.TextContent);
        Assert.Contains("New job #7: boiler repair", events[1].QuerySelector("summary")!.TextContent);
        Assert.DoesNotContain("Accept within", events[1].QuerySelector("summary")!.TextContent);
        Assert.Contains("Accept within 5 minutes", events[1].TextContent);
        Assert.Contains("read", events[1].QuerySelector("[data-testid=delivery-status]")!.TextContent);
        Assert.Equal(4, thread.FindAll("[data-testid=message]").Count);
    }

    [Fact]
    public void Each_side_has_its_own_colour_and_staff_messages_sit_on_the_right()
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, Thread));

        var bubbles = thread.FindAll("[data-testid=message]");
        Assert.Contains("side-customer", bubbles[0].ClassName);
        Assert.Contains("inbound", bubbles[0].ClassName);
        Assert.Contains("side-customer", bubbles[1].ClassName);
        Assert.Contains("outbound", bubbles[1].ClassName);
        Assert.Contains("side-technician", bubbles[2].ClassName);
        Assert.Contains("inbound", bubbles[2].ClassName);
        Assert.Equal("Ana (technician) → Beatriz, relayed", bubbles[2].QuerySelector("[data-testid=message-parties]")!.TextContent);
        Assert.Contains("note", bubbles[3].ClassName);
    }

    [Fact]
    public void The_switch_shows_the_customer_or_the_technician_conversation()
    {
        var thread = Render<ThreadView>(p => p.Add(t => t.Messages, Thread));
        string[] Texts() => thread.FindAll("[data-testid=message], [data-testid=thread-event]").Select(e => e.TextContent).ToArray();

        thread.Find("[data-testid=thread-filter-customer]").Click();
        Assert.Equal("true", thread.Find("[data-testid=thread-filter-customer]").GetAttribute("aria-pressed"));
        Assert.Equal("false", thread.Find("[data-testid=thread-filter-all]").GetAttribute("aria-pressed"));
        var customer = Texts();
        Assert.Equal(4, customer.Length);
        Assert.DoesNotContain(customer, t => t.Contains("New job #7", StringComparison.Ordinal) || t.Contains("afternoons", StringComparison.Ordinal));
        Assert.Contains(customer, t => t.Contains("I can come at 3pm", StringComparison.Ordinal));

        thread.Find("[data-testid=thread-filter-technician]").Click();
        var technician = Texts();
        Assert.Equal(2, technician.Length);
        Assert.Contains("New job #7", technician[0]);
        Assert.Contains("I can come at 3pm", technician[1]);

        thread.Find("[data-testid=thread-filter-all]").Click();
        Assert.Equal(6, Texts().Length);
    }
}
