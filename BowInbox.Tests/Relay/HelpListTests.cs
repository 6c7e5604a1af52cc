using BowInbox.Web.Relay;

namespace BowInbox.Tests.Relay;

public sealed class HelpListTests
{
    [Fact]
    public void Help_is_a_short_bulleted_list()
    {
        var text = RelayInbound.ShortList(
        [
            "/done – the job is finished: closes it and thanks the customer (/done 42 picks job #42)",
            "/accept – take the job offered to you (/accept 42 for job #42)",
            RelayInbound.HelpLine,
        ]);

        Assert.Equal(
            "Commands:\n• /done – the job is finished\n• /accept – take the job offered to you\n• /help – this list of commands\n"
            + "Add a job number to pick a job (/done 42). Anything else goes to your customer.",
            text);
    }
}
