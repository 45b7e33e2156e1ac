using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Notifications;

public enum AckLinkState { Ready, Acknowledged, Used, Expired, Invalid, NotAcknowledgeable, NotEntitled, AgencyInactive }

/// <summary>
/// What a link is for and whether it can still act; <see cref="Role"/> is the role its recipient acts in now. A link
/// whose recipient no longer speaks for the agency carries no recommendation: it shows nothing of the item.
/// </summary>
public sealed record AckLinkCheck(AckLinkState State, AckLink? Link = null, Recommendation? Recommendation = null, string? MissionCode = null, string? Role = null);

/// <summary>
/// The one-click acknowledge link of an email: made when the notice is written, checked when opened, and used
/// once: the used token is recorded in the transaction that fires, as the link's recipient, the trigger the item's
/// version says means "acknowledge", and only while that recipient still speaks for the agency
/// (<see cref="AckLinkRecipient"/>).
/// </summary>
public sealed class AckLinkService(
    MissionFlowDbContext db, IAckLinkProtector protector, WorkflowService workflows, TransitionStore store, AckLinkRecipient recipients,
    NotificationOptions options, CouncilClock clock, TimeProvider time)
{
    public (string Url, DateTimeOffset ExpiresAt) Create(Guid recommendationId, Recipient recipient, DateTimeOffset now)
    {
        var expires = now.AddDays(options.LinkLifetimeDays);
        var link = new AckLink(recommendationId, recipient.Email, recipient.AgencyRole!, recipient.AgencyId!.Value, Guid.CreateVersion7(), expires);
        return ($"{options.PublicBaseUrl.TrimEnd('/')}/ack/{protector.Protect(link)}", expires);
    }

    public async Task<AckLinkCheck> CheckAsync(string token, CancellationToken ct = default)
    {
        if (protector.Unprotect(token) is not { } link)
            return new AckLinkCheck(AckLinkState.Invalid);
        if (await db.UsedLinkTokens.AnyAsync(t => t.TokenId == link.TokenId.ToString(), ct))
            return new AckLinkCheck(AckLinkState.Used, link);
        if (time.GetUtcNow() > link.ExpiresAt)
            return new AckLinkCheck(AckLinkState.Expired, link);
        var recommendation = await db.Recommendations.Include(r => r.Instance).FirstOrDefaultAsync(r => r.Id == link.RecommendationId, ct);
        if (recommendation?.Instance is not { } instance)
            return new AckLinkCheck(AckLinkState.Invalid, link);
        var recipient = await recipients.CheckAsync(link, recommendation, ct);
        if (recipient.State != AckLinkState.Ready)
            return new AckLinkCheck(recipient.State, link);
        var code = await db.Missions.Where(m => m.Id == recommendation.MissionId).Select(m => m.Code).FirstAsync(ct);
        var open = workflows.DefinitionOf(instance).TriggerFor(TriggerMeaning.Acknowledge, instance.State) is not null;
        return new AckLinkCheck(open ? AckLinkState.Ready : AckLinkState.NotAcknowledgeable, link, recommendation, code, recipient.Role);
    }

    /// <summary>
    /// Acknowledges as the link's recipient in their current role, once; a second use, an expired link, a moved-on
    /// item or a recipient who no longer speaks for the agency acts not at all.
    /// </summary>
    public async Task<AckLinkCheck> UseAsync(string token, CancellationToken ct = default)
    {
        var check = await CheckAsync(token, ct);
        if (check is not { State: AckLinkState.Ready, Link: { } link, Recommendation: { } recommendation, Role: { } role })
            return check;
        var actor = new Actor(link.Email, new HashSet<string> { role }, link.AgencyId.ToString());
        var trigger = workflows.DefinitionOf(recommendation.Instance!).TriggerFor(TriggerMeaning.Acknowledge, recommendation.Instance!.State)!;
        try
        {
            var decision = await workflows.DecideAsync(recommendation.Instance!, trigger, actor, new Dictionary<string, string?>(), ct: ct);
            db.UsedLinkTokens.Add(new UsedLinkToken { TokenId = link.TokenId.ToString(), UsedAt = time.GetUtcNow() });
            await store.WriteAsync(decision, new TransitionEffects { Mirror = RecommendationMirror.After(recommendation, decision, clock) }, ct);
        }
        catch (ConflictException)
        {
            return check with { State = AckLinkState.NotAcknowledgeable };
        }
        catch (DbUpdateException)
        {
            // The same link used at the same moment elsewhere: its token row won, this one wrote nothing.
            db.ChangeTracker.Clear();
            return check with { State = AckLinkState.Used };
        }
        return check with { State = AckLinkState.Acknowledged };
    }
}
