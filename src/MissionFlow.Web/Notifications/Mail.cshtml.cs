using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;
using MissionFlow.Core.Common;
using MissionFlow.Core.Notifications;

namespace MissionFlow.Web.Notifications;

/// <summary>
/// The outbox, the reminders the sweep set aside, and on the embedded default (no SMTP server) the .eml files
/// written to the pickup folder, readable here so a newcomer can see what the agencies would have received.
/// </summary>
internal sealed class MailModel(OutboxQuery outbox, IServiceProvider services) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<OutboxMessage> Outbox { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<SetAsideTimer> SetAside { get; private set; } = [];
    public IReadOnlyList<FileInfo> Files { get; private set; } = [];
    public MimeMessage? Opened { get; private set; }
    public string? OpenedName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? file, CancellationToken ct)
    {
        Outbox = await outbox.PageAsync(null, Math.Max(PageNumber, 1), PageSize, ct);
        SetAside = await outbox.SetAsideAsync(100, ct);
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

    /// <summary>The link to another page of the outbox, landing on it.</summary>
    public static string PageLink(int page) => $"?p={page.ToString(CultureInfo.InvariantCulture)}#outbox";
}
