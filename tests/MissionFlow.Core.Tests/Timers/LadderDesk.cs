using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MissionFlow.Core.Documents;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Timers;
using static MissionFlow.Core.Tests.Timers.ReminderWorld;

namespace MissionFlow.Core.Tests.Timers;

/// <summary>What the Council Office does at its desk in the ladder tests: finds a rung's task and records its letter.</summary>
public static class LadderDesk
{
    public static readonly byte[] SignedPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% signed letter 245/HĐND-VP\n%%EOF\n");

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The task of <paramref name="rung"/>, of <paramref name="recommendation"/> when the world holds several.</summary>
    public static async Task<OfficeTask> TaskAsync(ReminderWorld world, string rung, Guid? recommendation = null) =>
        await world.QueryAsync(db => db.OfficeTasks.AsNoTracking()
            .SingleAsync(t => t.Kind == rung && (recommendation == null || t.RecommendationId == recommendation)));

    public static async Task<List<OfficeTask>> TasksAsync(ReminderWorld world, Guid recommendation) =>
        await world.QueryAsync(db => db.OfficeTasks.AsNoTracking().Where(t => t.RecommendationId == recommendation).OrderBy(t => t.Level).ToListAsync());

    public static async Task RecordAsync(ReminderWorld world, string rung, string number, DateOnly date, bool complex = false, string fileName = "cong-van.pdf",
        Guid? recommendation = null)
    {
        var task = await TaskAsync(world, rung, recommendation);
        await using var scope = world.Host.Scope();
        await scope.ServiceProvider.GetRequiredService<OfficeLadder>().RecordAsync(task.Id,
            new RecordLetterRequest(number, date, "Nguyễn Văn A, Phó Chủ tịch HĐND", new FileUpload(fileName, "application/pdf", new MemoryStream(SignedPdf)), complex),
            OfficeAccount);
    }

    public static List<MimeMessage> To(ReminderWorld world, string address) =>
        world.Inbox.Where(m => m.Message.To.Mailboxes.Any(b => b.Address == address)).Select(m => m.Message).ToList();
}
