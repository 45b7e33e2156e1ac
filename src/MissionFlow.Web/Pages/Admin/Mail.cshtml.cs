using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Pages.Admin;

/// <summary>
/// The outbox, and on the embedded default (no SMTP server) the .eml files written to the pickup folder, readable
/// here so a newcomer can see what the agencies would have received.
/// </summary>
internal sealed class MailModel(MissionFlowDbContext db, IServiceProvider services) : PageModel
{
    public IReadOnlyList<OutboxMessage> Outbox { get; private set; } = [];
    public IReadOnlyList<FileInfo> Files { get; private set; } = [];
    public MimeMessage? Opened { get; private set; }
    public string? OpenedName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? file, CancellationToken ct)
    {
        Outbox = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        var folder = services.GetService<NotificationOptions>() is { Smtp.Host: null or "" } mail && Directory.Exists(mail.PickupDirectory)
            ? new DirectoryInfo(mail.PickupDirectory)
            : null;
        Files = folder?.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(100).ToList() ?? [];
        if (file is not null)
        {
            // Only a name listed in the folder opens: never a path someone typed.
            var match = Files.FirstOrDefault(f => f.Name == file);
            if (match is null)
                return NotFound();
            Opened = await MimeMessage.LoadAsync(match.FullName, ct);
            OpenedName = match.Name;
        }
        return Page();
    }
}
