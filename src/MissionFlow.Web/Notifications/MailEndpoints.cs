using MissionFlow.Core.Common;
using MissionFlow.Core.Notifications;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.Notifications;

/// <summary>One outbox row as the admin sees it: status is queued, sent or failed, with the server's last answer.</summary>
public sealed record MailView(long Id, string To, string Subject, string Kind, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, Guid? RecommendationId);

internal static class MailEndpoints
{
    public static RouteGroupBuilder MapMail(this RouteGroupBuilder api)
    {
        api.MapGet("/mail", async (OutboxQuery outbox, string? status, int? page, int? pageSize, CancellationToken ct) =>
            {
                var wanted = string.IsNullOrWhiteSpace(status) ? (OutboxStatus?)null : Require.Enum(status, "status", OutboxStatus.Queued);
                var found = await outbox.PageAsync(wanted, page ?? 1, pageSize ?? 50, ct);
                return new Paged<MailView>(found.Items.Select(m => new MailView(m.Id, m.To, m.Subject, m.Kind, m.Status.ToString().ToLowerInvariant(), m.Attempts,
                    m.LastError, m.CreatedAt, m.SentAt, m.RecommendationId)).ToList(), found.Page, found.PageSize, found.Total);
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Mail")
            .WithSummary("The outbox, newest first, paged: ?status=queued|sent|failed, ?page=, ?pageSize= (50, at most 500).");
        return api;
    }
}
