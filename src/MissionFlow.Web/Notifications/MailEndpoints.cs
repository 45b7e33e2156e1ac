using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.Notifications;

/// <summary>One outbox row as the admin sees it: status is queued, sent or failed, with the server's last answer.</summary>
public sealed record MailView(long Id, string To, string Subject, string Kind, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, Guid? RecommendationId);

internal static class MailEndpoints
{
    public static RouteGroupBuilder MapMail(this RouteGroupBuilder api)
    {
        api.MapGet("/mail", async (MissionFlowDbContext db, string? status, int? take, CancellationToken ct) =>
            {
                var rows = db.Outbox.AsNoTracking();
                if (Enum.TryParse<Core.Notifications.OutboxStatus>(status, ignoreCase: true, out var wanted))
                    rows = rows.Where(m => m.Status == wanted);
                var page = await rows.OrderByDescending(m => m.Id).Take(Math.Clamp(take ?? 200, 1, 1000)).ToListAsync(ct);
                return page.Select(m => new MailView(m.Id, m.To, m.Subject, m.Kind, m.Status.ToString().ToLowerInvariant(), m.Attempts, m.LastError,
                    m.CreatedAt, m.SentAt, m.RecommendationId)).ToList();
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Mail")
            .WithSummary("The outbox, newest first: ?status=queued|sent|failed, ?take= (200).");
        return api;
    }
}
