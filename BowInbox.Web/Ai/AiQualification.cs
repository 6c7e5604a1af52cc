using BowInbox.Core.Ai;
using BowInbox.Core.Intake;
using BowInbox.Core.Routing;
using BowInbox.Data;
using BowInbox.Web.Languages;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Ai;

/// <summary>
/// Qualification by AI where the keyword rules are unsure: asked by <see cref="LeadIntake"/> before its transaction
/// (a slow AI never holds the database), only while the rules leave service or area open, and merged so the rules win
/// wherever they matched. With the AI unset or this use switched off it reads nothing and asks nobody.
/// </summary>
public sealed class AiQualification(IAiChat chat, IOptions<AiOptions> options, IDbContextFactory<InboxDbContext> contexts, CustomerLanguages languages)
{
    public async Task<AiQualificationHint?> HintAsync(int ticketId, CancellationToken cancellationToken)
    {
        if (!options.Value.Offers(AiPurpose.Qualification))
        {
            return null;
        }

        QualificationRules rules;
        AiConversation? conversation;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var open = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.ServiceType, t.Area }).FirstOrDefaultAsync(cancellationToken);
            if (open is null || (open.ServiceType is not null && open.Area is not null))
            {
                return null;
            }

            rules = IntakeQuestions.Understanding(await RoutingRulesStore.LoadAsync(db, cancellationToken), languages.Texts);
            var found = await TicketQualification.FromMessagesAsync(db, ticketId, rules, cancellationToken);
            if ((open.ServiceType ?? found.ServiceType) is not null && (open.Area ?? found.Area) is not null)
            {
                return null;
            }

            conversation = await AiConversations.LoadAsync(db, ticketId, cancellationToken);
        }

        if (conversation is null || conversation.Transcript.Length == 0)
        {
            return null;
        }

        var instructions = AiPrompts.Qualification(rules.Services.Select(s => s.Name), rules.Areas.Select(a => a.Name));
        var answer = await chat.AskAsync(AiPurpose.Qualification, ticketId, instructions, conversation.Transcript, cancellationToken);
        return answer is null ? null : AiAnswers.Qualification(answer, rules);
    }

    /// <summary>The rules' findings, completed by the hint where they left something open and the AI was sure enough.</summary>
    public Qualification Complete(Qualification found, AiQualificationHint? hint)
        => hint?.Complete(found, options.Value.Features.QualificationMinimumConfidence) ?? found;
}
