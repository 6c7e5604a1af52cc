using System.ClientModel;
using System.Diagnostics;
using BowInbox.Core.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace BowInbox.Web.Ai;

/// <summary>
/// Asks the AI one question. Callers pass masked text only (<see cref="AiMask"/>, <see cref="AiTranscript"/>). The answer
/// is null when there is none to give: AI unset, switched off for the purpose, timed out or failed.
/// </summary>
public interface IAiChat
{
    Task<string?> AskAsync(AiPurpose purpose, int ticketId, string instructions, string maskedText, CancellationToken cancellationToken);
}

/// <summary>With AI unset: answers nothing and calls nobody.</summary>
internal sealed class AiChatOff : IAiChat
{
    public Task<string?> AskAsync(AiPurpose purpose, int ticketId, string instructions, string maskedText, CancellationToken cancellationToken)
        => Task.FromResult<string?>(null);
}

/// <summary>
/// The configured provider through <see cref="IChatClient"/>. Every call is logged with its purpose, ticket and token
/// counts, never its content; a call that fails or runs past <see cref="AiOptions.TimeoutSeconds"/> is logged with its
/// reason and gives no answer, so the feature that asked simply shows no suggestion.
/// </summary>
internal sealed class OpenAiChat(IChatClient client, IOptions<AiOptions> options, ILogger<OpenAiChat> logger) : IAiChat
{
    public static IChatClient CreateClient(AiOptions options)
    {
        // OpenAI's client refuses an empty key; servers that need none ignore whatever is sent.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        var settings = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            // No retries: a late suggestion is no use to someone waiting on the page; a failure shows none.
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        };
        return new OpenAI.Chat.ChatClient(options.ChatModel, key, settings).AsIChatClient();
    }

    public async Task<string?> AskAsync(AiPurpose purpose, int ticketId, string instructions, string maskedText, CancellationToken cancellationToken)
    {
        if (!options.Value.Offers(purpose))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, maskedText)],
                new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 },
                timeout.Token);
            logger.LogInformation(
                "AI {Purpose} call for ticket {TicketId}: {InputTokens} tokens in, {OutputTokens} tokens out, {ElapsedMs} ms",
                purpose, ticketId, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return string.IsNullOrWhiteSpace(response.Text) ? NoAnswer(purpose, ticketId, "empty answer") : response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NoAnswer(purpose, ticketId, $"timed out after {options.Value.TimeoutSeconds} s");
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or InvalidOperationException or System.Text.Json.JsonException)
        {
            // The exception's type and status only: a provider's error message may quote the request.
            return NoAnswer(purpose, ticketId, ex is ClientResultException result ? $"HTTP {result.Status}" : ex.GetType().Name);
        }
    }

    private string? NoAnswer(AiPurpose purpose, int ticketId, string reason)
    {
        logger.LogWarning("AI {Purpose} call for ticket {TicketId} gave no suggestion: {Reason}", purpose, ticketId, reason);
        return null;
    }
}
