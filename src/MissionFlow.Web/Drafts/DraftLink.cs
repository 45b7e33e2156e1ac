namespace MissionFlow.Web.Drafts;

/// <summary>A button that downloads a draft (.docx); <see cref="LabelKey"/> names its text in the resources.</summary>
internal sealed record DraftLink(string Url, string LabelKey)
{
    public static DraftLink ForOfficeTask(Guid taskId) => new($"/api/office-tasks/{taskId}/draft", "Drafts.Letter");

    public static DraftLink ForMission(Guid missionId, string kind) => new($"/api/missions/{missionId}/drafts/{kind}", $"Drafts.{kind}");
}
