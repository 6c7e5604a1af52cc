using BowInbox.Core.Ai;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Ai;

/// <summary>
/// The one AI provider for the whole app (<c>AI</c> section): an OpenAI-compatible chat API, hosted or self-hosted.
/// Unset, nothing that calls out is registered and every page looks as it does without AI.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "AI";

    /// <summary>The API's base address, with its version: <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Sent as the bearer token; a self-hosted server may not need one.</summary>
    public string? ApiKey { get; set; }

    public string? ChatModel { get; set; }

    /// <summary>A call that takes longer gives no suggestion (the reason is logged).</summary>
    public int TimeoutSeconds { get; set; } = 15;

    public AiFeatureSwitches Features { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public bool Offers(AiPurpose purpose) => IsConfigured && purpose switch
    {
        AiPurpose.Qualification => Features.Qualification,
        AiPurpose.Summary => Features.Summary,
        AiPurpose.HandoffNote => Features.HandoffNote,
        AiPurpose.SuggestedReplies => Features.SuggestedReplies,
        AiPurpose.LeakSecondOpinion => Features.LeakSecondOpinion,
        _ => false,
    };
}

/// <summary>Each use of the AI on its own switch (<c>AI:Features:Summary</c> and so on); all on once an endpoint is set.</summary>
public sealed class AiFeatureSwitches
{
    public bool Qualification { get; set; } = true;

    public bool Summary { get; set; } = true;

    public bool HandoffNote { get; set; } = true;

    public bool SuggestedReplies { get; set; } = true;

    public bool LeakSecondOpinion { get; set; } = true;

    /// <summary>An AI qualification less sure than this (0 to 1) fills in nothing.</summary>
    public double QualificationMinimumConfidence { get; set; } = 0.6;
}

internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var errors = new List<string>();
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.ApiKey) || !string.IsNullOrWhiteSpace(options.ChatModel))
            {
                errors.Add("AI:Endpoint is required when AI:ApiKey or AI:ChatModel is set (or remove them to run without AI).");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            errors.Add("AI:Endpoint must be an absolute http(s) address such as https://api.openai.com/v1.");
        }

        if (string.IsNullOrWhiteSpace(options.ChatModel))
        {
            errors.Add("AI:ChatModel is required when AI:Endpoint is set (for example gpt-4o-mini).");
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            errors.Add("AI:TimeoutSeconds must be between 1 and 120.");
        }

        if (options.Features.QualificationMinimumConfidence is < 0 or > 1)
        {
            errors.Add("AI:Features:QualificationMinimumConfidence must be between 0 and 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
