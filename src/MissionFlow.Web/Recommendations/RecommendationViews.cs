using System.Globalization;
using System.Text.Json;
using MissionFlow.Core.Documents;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;
using MissionFlow.Web.Documents;
using MissionFlow.Web.Missions;

namespace MissionFlow.Web.Recommendations;

public sealed record RecommendationRow(Guid Id, Guid MissionId, int Number, Guid AgencyId, string Text, DateOnly Deadline, string State, bool Overdue, int EscalationLevel, string Priority,
    string? Field, string? Result);

public sealed record RecommendationDetail(
    Guid Id,
    Guid MissionId,
    int Number,
    Guid AgencyId,
    string Text,
    string? Field,
    string State,
    DateOnly Deadline,
    DateOnly OriginalDeadline,
    string DeadlineBasis,
    string Priority,
    bool Overdue,
    int EscalationLevel,
    string? Result,
    IReadOnlyList<ResultView> Results,
    WorkflowRef Workflow,
    IReadOnlyList<ProgressReportView> ProgressReports,
    IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<DeadlineChangeView> DeadlineHistory,
    IReadOnlyList<FileView> Evidence,
    bool CountedThroughProvisionalYear,
    IReadOnlyList<LadderRungView>? Ladder = null);

/// <summary>One verification result (or the end of follow-up), <see cref="By"/> the account that gave it.</summary>
public sealed record ResultView(DateTimeOffset At, string Result, string? Comment, string By)
{
    public static ResultView Of(ResultEntry e) => new(e.At, e.Result, e.Comment, e.By);
}

public sealed record ProgressReportView(DateTimeOffset At, string Actor, string? Comment, int? Percent, IReadOnlyList<FileView> Files);

/// <summary>One extension request and what became of it: "pending", "granted" or "refused".</summary>
public sealed record ExtensionView(DateTimeOffset RequestedAt, string RequestedBy, DateOnly NewDeadline, string? Reason, string Decision, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason);

public sealed record DeadlineChangeView(DateOnly Deadline, DateTimeOffset? Since, string Cause);

public sealed record JournalEntryView(long Id, DateTimeOffset At, string Actor, string Trigger, string? From, string To, string? Comment, IReadOnlyDictionary<string, string> Input, IReadOnlyList<FileView> Files);

internal static class RecommendationHistory
{
    public static Dictionary<string, string> InputOf(JournalEntry j) => JsonSerializer.Deserialize<Dictionary<string, string>>(j.InputJson) ?? [];

    public static IReadOnlyList<ProgressReportView> ProgressReports(WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal, IReadOnlyList<StoredFile> files) =>
        journal.Where(j => definition.MeaningOf(j.Trigger) == TriggerMeaning.ReportProgress)
            .Select(j => new ProgressReportView(j.At, j.Actor, j.Comment,
                InputOf(j).TryGetValue("percent", out var p) && int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) ? percent : null,
                files.Where(f => f.JournalEntryId == j.Id).Select(FileView.Of).ToList()))
            .ToList();

    /// <summary>Pairs each request with the grant or refusal that followed it, by what the instance's version says its triggers mean.</summary>
    public static IReadOnlyList<ExtensionView> Extensions(WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal)
    {
        var result = new List<ExtensionView>();
        foreach (var entry in journal)
        {
            var meaning = definition.MeaningOf(entry.Trigger);
            if (meaning == TriggerMeaning.RequestExtension && DataDates.TryRead(InputOf(entry).GetValueOrDefault("newDeadline"), out var asked))
                result.Add(new ExtensionView(entry.At, entry.Actor, asked, InputOf(entry).GetValueOrDefault("reason"), "pending", null, null, null));
            else if (meaning is TriggerMeaning.GrantExtension or TriggerMeaning.RefuseExtension && result.Count > 0 && result[^1].Decision == "pending")
                result[^1] = result[^1] with
                {
                    Decision = meaning == TriggerMeaning.GrantExtension ? "granted" : "refused",
                    DecidedAt = entry.At,
                    DecidedBy = entry.Actor,
                    DecisionReason = entry.Comment,
                };
        }
        return result;
    }

    /// <summary>The original deadline, then each granted extension and each new deadline a verification set, in order.</summary>
    public static IReadOnlyList<DeadlineChangeView> DeadlineHistory(Recommendation r, WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal,
        IReadOnlyList<ExtensionView> extensions) =>
        [
            new DeadlineChangeView(r.OriginalDeadline, null, "original"),
            .. extensions.Where(e => e.Decision == "granted").Select(e => new DeadlineChangeView(e.NewDeadline, e.DecidedAt, $"extension granted by {e.DecidedBy}"))
                .Concat(VerifiedDeadlines(definition, journal))
                .OrderBy(c => c.Since),
        ];

    /// <summary>The deadlines a "partly done" or "not done" verification set.</summary>
    private static IEnumerable<DeadlineChangeView> VerifiedDeadlines(WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal)
    {
        foreach (var entry in journal.Where(j => definition.MeaningOf(j.Trigger) == TriggerMeaning.Verify))
            if (InputOf(entry) is var input && DataDates.TryRead(input.GetValueOrDefault("newDeadline"), out var deadline))
                yield return new DeadlineChangeView(deadline, entry.At, $"verified {input.GetValueOrDefault(RecommendationService.ResultKey)} by {entry.Actor}");
    }
}
