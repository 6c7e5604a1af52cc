namespace BowInbox.Core.Ai;

/// <summary>What an AI call is for; each is switched on and off on its own (<c>AI:Features</c>) and logged by name.</summary>
public enum AiPurpose
{
    Qualification,
    Summary,
    HandoffNote,
    SuggestedReplies,
    LeakSecondOpinion,
}
