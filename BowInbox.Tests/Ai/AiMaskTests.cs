using BowInbox.Core.Ai;
using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;

namespace BowInbox.Tests.Ai;

/// <summary>What may leave for an AI service, and how its answers are read.</summary>
public sealed class AiMaskTests
{
    private static readonly AiAlias[] People = [new("Maria Lopez", AiMask.Customer), new("Tom Baker", AiMask.Technician)];

    [Fact]
    public void Numbers_emails_and_names_are_masked_with_roles()
    {
        var masked = AiMask.Mask("Maria here, call 0412 345 678 or +1 (555) 730-0001, mail maria.lopez@example.com; lopez is fine too. Tom Baker said 3 pm", People);

        Assert.DoesNotContain("345", masked);
        Assert.DoesNotContain("730", masked);
        Assert.DoesNotContain("@", masked);
        Assert.DoesNotContain("Maria", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lopez", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tom", masked);
        Assert.StartsWith("Customer here", masked);
        Assert.Contains("Technician said 3 pm", masked);
    }

    [Fact]
    public void A_name_inside_a_longer_word_stays()
    {
        Assert.Equal("Tomorrow at ten, Technician", AiMask.Mask("Tomorrow at ten, Tom", People));
    }

    [Fact]
    public void The_transcript_names_roles_and_leaves_out_notes()
    {
        var transcript = AiTranscript.Build(
            [
                new AiLine(MessageDirection.FromCustomer, "My tap drips, I'm Maria"),
                new AiLine(MessageDirection.InternalNote, "Maria Lopez is a VIP, number 15557300001"),
                new AiLine(MessageDirection.FromProvider, "Tom here, tomorrow at 9?"),
            ],
            People);

        Assert.Equal("Customer: My tap drips, I'm Customer\nTechnician: Technician here, tomorrow at 9?", transcript);
    }

    [Fact]
    public void Suggestions_are_read_line_by_line_without_numbering_and_at_most_three()
    {
        var replies = AiAnswers.Suggestions("1. Hello Maria!\n- \"On our way\"\n\n* Anything else?\n4) One more", People);

        Assert.Equal(["Hello Customer!", "On our way", "Anything else?"], replies);
    }

    [Fact]
    public void An_AI_qualification_fills_only_what_the_rules_left_open_and_only_when_sure()
    {
        var rules = QualificationRules.Default;
        var hint = AiAnswers.Qualification("Sure! ```{\"service\": \"ELECTRICAL\", \"area\": \"Atlantis\", \"urgent\": true, \"confidence\": 0.8}```", rules);
        var fromRules = new Qualification(null, "downtown", Urgency.Normal, ["downtown from 'centro'"]);

        Assert.NotNull(hint);
        Assert.Equal("electrical", hint.ServiceType);
        Assert.Null(hint.Area);
        var completed = hint.Complete(fromRules, minimumConfidence: 0.6);
        Assert.Equal(("electrical", "downtown", Urgency.Urgent), (completed.ServiceType, completed.Area, completed.Urgency));
        Assert.Contains("electrical from AI, 80% sure", completed.Reasons);
        Assert.Same(fromRules, hint.Complete(fromRules, minimumConfidence: 0.9));
        Assert.Equal("plumbing", (hint with { ServiceType = "electrical" }).Complete(fromRules with { ServiceType = "plumbing" }, 0.6).ServiceType);
    }

    [Fact]
    public void Malformed_answers_are_no_suggestion()
    {
        Assert.Null(AiAnswers.Qualification("I think plumbing", QualificationRules.Default));
        Assert.Null(AiAnswers.LeakOpinion("{\"leak\": \"maybe\"}", People));
        Assert.Null(AiAnswers.LeakOpinion("{not json}", People));
        Assert.Equal(new AiLeakOpinion(true, "asks Customer to call"), AiAnswers.LeakOpinion("{\"leak\": true, \"reason\": \"asks Maria to call\"}", People));
    }
}
