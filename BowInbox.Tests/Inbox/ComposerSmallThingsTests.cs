using BowInbox.Core.Inbox;
using BowInbox.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

/// <summary>The composer's small manners: Enter on an empty box does nothing; canned replies read in full, as written.</summary>
public sealed class ComposerSmallThingsTests : BunitContext
{
    public ComposerSmallThingsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public async Task Enter_on_an_empty_reply_sends_nothing()
    {
        var sent = new List<string?>();
        var composer = Render<MessageComposer>(p => p.Add(c => c.TestId, "composer").Add(c => c.EnterSends, true)
            .Add(c => c.OnSend, EventCallback.Factory.Create<ComposerSubmission>(this, s => sent.Add(s.Text))));

        await composer.InvokeAsync(() => composer.Instance.SendFromKeyboard("   "));
        await composer.InvokeAsync(() => composer.Instance.SendFromKeyboard("On our way"));

        Assert.Equal(["On our way"], sent);
    }

    [Fact]
    public void Canned_replies_show_their_whole_text_in_normal_case()
    {
        const string text = "Thanks for your patience: a technician will call you within the next two hours to confirm the visit.";
        var composer = Render<MessageComposer>(p => p.Add(c => c.TestId, "composer")
            .Add(c => c.CannedReplies, new[] { new CannedReply { Shortcut = "eta", Text = text } }));

        composer.Find("[data-testid=composer-input]").Input("/et");

        var suggestion = composer.Find("[data-testid=canned-reply]");
        Assert.Contains(text, suggestion.TextContent);
        Assert.Contains("canned-reply", suggestion.ClassName);
    }

    [Fact]
    public async Task The_send_button_never_says_sending_while_the_message_is_handed_over()
    {
        var handedOver = new TaskCompletionSource();
        var composer = Render<MessageComposer>(p => p.Add(c => c.TestId, "composer")
            .Add(c => c.OnSend, EventCallback.Factory.Create<ComposerSubmission>(this, async s =>
            {
                await handedOver.Task;
                s.Sent = true;
            })));
        composer.Find("[data-testid=composer-input]").Input("On our way");

        var sending = composer.Find("[data-testid=composer-send]").ClickAsync(new());

        composer.WaitForAssertion(() => Assert.True(composer.Find("[data-testid=composer-send]").HasAttribute("disabled")));
        Assert.DoesNotContain("Sending", composer.Find("[data-testid=composer-send]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", composer.Find("[data-testid=composer-send]").GetAttribute("aria-busy"));
        handedOver.SetResult();
        await sending;
        composer.WaitForAssertion(() => Assert.Equal("", composer.Find("[data-testid=composer-input]").GetAttribute("value") ?? ""));
        Assert.Equal("Send", composer.Find("[data-testid=composer-send]").TextContent.Trim());
    }
}
