using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Seeding;

/// <summary>
/// Takes the current mission's recommendations through follow-up as the agency, the committee and the Council
/// Office would, in the caller's transaction, so that among them is an item in every state and of every result:
/// on time, late, extended, sent back, and one overdue with its first ladder rung recorded.
/// </summary>
public sealed class DemoFollowUp(MissionFlowDbContext db, RecommendationService recommendations, WorkflowService workflows, OfficeLadder ladder, CouncilClock clock, TimeProvider time)
{
    private static readonly Actor Committee = new("thuongtruc@missionflow.local", new HashSet<string> { Roles.Committee });
    private const string Office = "vanphong@missionflow.local";

    public async Task RunAsync(Mission mission, Guid agencyId, DateOnly anchor, CancellationToken ct)
    {
        var officer = new Actor("socongthuong@missionflow.local", new HashSet<string> { Roles.AgencyOfficer }, agencyId.ToString());
        var items = await db.Recommendations.Where(r => r.MissionId == mission.Id).OrderBy(r => r.Number).Select(r => r.Id).ToListAsync(ct);
        string Day(int days) => anchor.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Task Agency(int number, string trigger, params (string, string?)[] input) => Fire(items[number - 1], trigger, officer, agencyId, input, ct);
        Task Council(int number, string trigger, params (string, string?)[] input) => Fire(items[number - 1], trigger, Committee, null, input, ct);

        // 1 stays issued; 2 is acknowledged only.
        for (var n = 2; n <= 11; n++)
            await Agency(n, "acknowledge");
        await Agency(3, "report-progress", ("comment", "Đã tổ chức 02 lớp tập huấn cho 46 công chức; lớp thứ ba dự kiến trong tháng tới."), ("percent", "60"));
        await Agency(4, "request-extension", ("newDeadline", Day(75)), ("reason", "Việc kết nối phụ thuộc vào lịch nâng cấp Cổng Dịch vụ công quốc gia."));
        await Agency(5, "request-extension", ("newDeadline", Day(40)), ("reason", "Số hồ sơ cần rà soát lớn, cần thêm thời gian làm rõ trách nhiệm."));
        await Council(5, "grant-extension");
        foreach (var n in new[] { 6, 7, 8, 9, 10 })
            await Agency(n, "submit");
        await Council(7, "verify", ("result", "done"), ("comment", "Đã thực hiện xin lỗi đối với toàn bộ hồ sơ quá hạn, có văn bản kèm theo."));
        await Council(8, "verify", ("result", "done"), ("comment", "Quy chế phối hợp đã được ban hành, nhưng chậm so với thời hạn."));
        await Council(9, "verify", ("result", "partly-done"), ("comment", "Mới rà soát lĩnh vực điện lực đối với một nửa số thủ tục."), ("newDeadline", Day(50)));
        await Council(10, "verify", ("result", "not-meeting-requirements"), ("comment", "Số thiết bị ký số được bố trí chưa đủ cho công chức tại bộ phận một cửa."));
        await RecordFirstRungAsync(items[10], ct);
    }

    private async Task Fire(Guid id, string trigger, Actor actor, Guid? scope, (string Key, string? Value)[] input, CancellationToken ct) =>
        await recommendations.FireAsync(id, trigger, actor, input.ToDictionary(i => i.Key, i => i.Value), [], scope, ct);

    /// <summary>
    /// Opens the overdue item's first rung as the sweep would when its day came, then records the Office's letter,
    /// dated two days after the rung fell due.
    /// </summary>
    private async Task RecordFirstRungAsync(Guid id, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.Include(r => r.Instance).SingleAsync(r => r.Id == id, ct);
        var definition = workflows.DefinitionOf(recommendation.Instance!);
        var due = LadderPlan.Next(definition.Ladder!, clock.Calendar, recommendation.Deadline, [])!.DueDate;
        var now = time.GetUtcNow();
        var subject = (await NoticeSubject.LoadAsync(db, [recommendation.Instance!], ct))[recommendation.InstanceId!.Value];
        // The Office's reminder that the rung is due is not queued: its letter is recorded at once below.
        await ladder.OpenFirstAsync(subject, due, now, ct);
        await db.SaveChangesAsync(ct);
        var task = await db.OfficeTasks.SingleAsync(t => t.RecommendationId == id, ct);
        var date = due.AddDays(2) < clock.LocalDate(now) ? due.AddDays(2) : clock.LocalDate(now);
        const string number = "245/HĐND-VP";
        const string signer = "Chánh Văn phòng HĐND tỉnh";
        await using var pdf = typeof(DemoFollowUp).Assembly.GetManifestResourceStream("MissionFlow.Core.Seeding.demo-letter-245.pdf")
            ?? throw new InvalidOperationException("demo-letter-245.pdf is not embedded in MissionFlow.Core.");
        await ladder.RecordAsync(task.Id, new RecordLetterRequest(number, date, signer, new FileUpload("245-HDND-VP.pdf", "application/pdf", pdf)), Office, ct);
    }
}
