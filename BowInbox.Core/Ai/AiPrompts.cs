namespace BowInbox.Core.Ai;

/// <summary>
/// The instructions sent with each AI call. The conversation they come with is masked (<see cref="AiMask"/>); the
/// answers are read by <see cref="AiAnswers"/>, which trusts nothing in them.
/// </summary>
public static class AiPrompts
{
    private const string Setting =
        "You help the team of a home-services marketplace that relays WhatsApp conversations between customers and technicians. "
        + "People are called Customer, Technician and Us; contact details were removed. Never invent names, numbers or addresses.";

    public static string Summary =>
        Setting + " Summarize the conversation for a colleague in one or two sentences: the problem, since when, and what the customer wants "
        + "(for example: Customer has a leaking kitchen sink, water under the cabinet since this morning; wants someone today). Answer with the summary only.";

    public static string SuggestedReplies =>
        Setting + " Suggest three short, friendly replies we could send to the customer next, in the customer's language. "
        + "One reply per line, no numbering, no quotes, nothing else.";

    public static string HandoffNote =>
        Setting + " The job is being handed to another technician. Write a short note for them (at most two sentences): what the job is, "
        + "what was done or agreed so far, and what is still open. Answer with the note only.";

    public static string LeakSecondOpinion =>
        Setting + " The platform forbids moving a job off it: sharing phone numbers, emails, social handles or other apps, hinting at them "
        + "(spelled out, split up, in code words), or arranging payment outside the platform. Judge only the last message. "
        + "Answer with JSON only: {\"leak\": true or false, \"reason\": \"a few words\"}.";

    public static string Qualification(IEnumerable<string> services, IEnumerable<string> areas)
        => Setting + " Read the customer's messages and choose the service type and area of their request, only from these lists. "
            + $"Service types: {string.Join(", ", services)}. Areas: {string.Join(", ", areas)}. "
            + "Answer with JSON only: {\"service\": a service type or null, \"area\": an area or null, \"urgent\": true or false, "
            + "\"confidence\": a number from 0 to 1}.";
}
