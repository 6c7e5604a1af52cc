using BowInbox.Core.Relay;

namespace BowInbox.Tests.Relay;

public sealed class RelayTextTests
{
    [Fact]
    public void Texts_towards_a_provider_carry_the_job_and_speaker()
        => Assert.Equal("#42 Maria: Is 3pm ok?", RelayText.Prefixed(42, "Maria", "Is 3pm ok?"));

    [Theory]
    [InlineData("#42 Maria: hello", 42)]
    [InlineData("#7 New job for you: plumbing", 7)]
    [InlineData("Job #15: plumbing", 15)]
    [InlineData("Hello #42", null)]
    [InlineData(null, null)]
    public void The_job_is_read_back_from_the_prefix(string? text, int? expected)
        => Assert.Equal(expected, RelayText.TicketIdOf(text));

    [Theory]
    [InlineData("/done", "done", "")]
    [InlineData("  /DONE 42 ", "done", "42")]
    [InlineData("/Handoff Plumbers - Uptown", "handoff", "Plumbers - Uptown")]
    public void Commands_are_case_insensitive_with_an_argument(string text, string command, string argument)
    {
        Assert.True(RelayText.TryParseCommand(text, out var parsed, out var rest));
        Assert.Equal(command, parsed);
        Assert.Equal(argument, rest);
    }

    [Theory]
    [InlineData("see you at 3/4")]
    [InlineData("/ 42")]
    [InlineData("")]
    public void Ordinary_text_is_not_a_command(string text)
        => Assert.False(RelayText.TryParseCommand(text, out _, out _));
}
