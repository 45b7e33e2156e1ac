using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Timers;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Core.Drafts;

/// <summary>
/// What has happened to recommendations so far, as a draft and the session list print it: every verification
/// (the instance's journal lines with trigger <c>verify</c>: the journal is the source of truth) and every ladder
/// rung the Office recorded (Office tasks Done). Read for a batch of items in two queries.
/// </summary>
public sealed class FollowUpHistory(MissionFlowDbContext db, CouncilClock clock)
{
    public const string VerifyTrigger = "verify";

    public async Task<IReadOnlyDictionary<Guid, ItemHistory>> ForAsync(IReadOnlyCollection<(Guid Recommendation, Guid? Instance)> items, CancellationToken ct)
    {
        var instances = items.Where(i => i.Instance is not null).Select(i => i.Instance!.Value).ToList();
        var ids = items.Select(i => i.Recommendation).ToList();
        var verifications = await db.Journal.AsNoTracking()
            .Where(j => instances.Contains(j.InstanceId) && j.Trigger == VerifyTrigger)
            .OrderBy(j => j.Id)
            .Select(j => new { j.InstanceId, j.At, j.Comment, j.InputJson })
            .ToListAsync(ct);
        var rungs = await db.OfficeTasks.AsNoTracking()
            .Where(t => ids.Contains(t.RecommendationId) && t.State == OfficeTaskState.Done)
            .OrderBy(t => t.Level).ThenBy(t => t.DocumentDate)
            .Select(t => new { t.RecommendationId, t.Kind, t.DocumentNumber, t.DocumentDate })
            .ToListAsync(ct);
        return items.ToDictionary(i => i.Recommendation, i => new ItemHistory(
            verifications.Where(v => v.InstanceId == i.Instance).Select(v => Result(clock.LocalDate(v.At), v.InputJson, v.Comment)).ToList(),
            rungs.Where(r => r.RecommendationId == i.Recommendation)
                .Select(r => new RecordedRung(r.Kind, r.DocumentNumber ?? "", r.DocumentDate)).ToList()));
    }

    private static Verification Result(DateOnly date, string inputJson, string? comment)
    {
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(inputJson) ?? [];
        string? Text(string name) => input.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Verification(date, Text("result") ?? "", Text("comment") ?? comment);
    }
}

public sealed record ItemHistory(IReadOnlyList<Verification> Results, IReadOnlyList<RecordedRung> Rungs)
{
    public static ItemHistory None { get; } = new([], []);
}

public sealed record Verification(DateOnly Date, string Result, string? Comment);

public sealed record RecordedRung(string Rung, string DocumentNumber, DateOnly? DocumentDate);
