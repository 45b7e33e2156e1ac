using MissionFlow.Core.Notifications;

namespace MissionFlow.Web.Notifications;

/// <summary>
/// The acknowledge link of an email. GET only shows what the link is for and a button; POST acknowledges. Mail
/// scanners and link previews fetch every URL of a message with GET, so a GET that acted would acknowledge on
/// the agency's behalf before anyone read the email, and spend the link.
/// </summary>
internal static class AckLinkEndpoints
{
    public static WebApplication MapAckLinks(this WebApplication app)
    {
        var links = app.MapGroup("/ack").AllowAnonymous().ExcludeFromDescription();
        links.MapGet("/{token}", async (string token, AckLinkService service, CancellationToken ct) => Page(await service.CheckAsync(token, ct)));
        links.MapPost("/{token}", async (string token, AckLinkService service, CancellationToken ct) => Page(await service.UseAsync(token, ct)))
            .DisableAntiforgery(); // the sealed, single-use token is itself the proof the request comes from the email
        return app;
    }

    private static IResult Page(AckLinkCheck check)
    {
        var (status, vi, en) = check.State switch
        {
            AckLinkState.Ready => (200, "Xác nhận cơ quan đã tiếp nhận kiến nghị này?", "Acknowledge this recommendation for your agency?"),
            AckLinkState.Acknowledged => (200, "Đã ghi nhận: cơ quan đã tiếp nhận kiến nghị.", "Done: the recommendation is acknowledged."),
            AckLinkState.Used => (409, "Liên kết này đã được sử dụng.", "This link has already been used."),
            AckLinkState.NotAcknowledgeable => (409, "Kiến nghị không còn ở bước tiếp nhận.", "The recommendation is past the acknowledgement step."),
            AckLinkState.Expired => (410, "Liên kết đã hết hạn.", "This link has expired."),
            AckLinkState.NotEntitled => (403, "Người nhận liên kết này không còn được tiếp nhận kiến nghị thay mặt cơ quan (tài khoản đã bị vô hiệu hóa hoặc đã đổi vai trò, cơ quan). Đề nghị Quý cơ quan đăng nhập MissionFlow để tiếp nhận.",
                "The person this link was sent to may no longer acknowledge for the agency (the account was disabled, or its role or agency changed). Please sign in to MissionFlow to acknowledge."),
            AckLinkState.AgencyInactive => (410, "Cơ quan nhận kiến nghị đã ngừng hoạt động trên MissionFlow; liên kết không còn hiệu lực.", "The agency this recommendation is addressed to is no longer active in MissionFlow; the link no longer acts."),
            _ => (404, "Liên kết không hợp lệ.", "This link is not valid."),
        };
        var about = check.Recommendation is { } r
            ? $"<p><b>{MailTexts.Html(check.MissionCode)}</b> — kiến nghị số {r.Number} / recommendation {r.Number}, hạn / due {r.Deadline:dd/MM/yyyy}</p>\n<blockquote>{MailTexts.Html(r.Text)}</blockquote>\n"
            : "";
        var button = check.State == AckLinkState.Ready
            ? "<form method=\"post\"><button type=\"submit\">Xác nhận đã tiếp nhận / Acknowledge</button></form>\n"
            : "";
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>MissionFlow</title></head>
            <body style="font-family:sans-serif;max-width:40em;margin:2em auto">
            <h1>{MailTexts.Html(vi)}</h1>
            <p lang="en">{MailTexts.Html(en)}</p>
            {about}{button}</body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
