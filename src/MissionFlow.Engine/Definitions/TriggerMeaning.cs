namespace MissionFlow.Engine.Definitions;

/// <summary>
/// What a trigger does in the host's terms, written beside it in the definition ("meaning"), so a read model finds
/// "the triggers that grant an extension" in the instance's own version instead of matching a name a later version
/// may rename. Closed: workflow.schema.json lists the same values, and a file naming another is refused at load.
/// </summary>
public enum TriggerMeaning
{
    Acknowledge,
    ReportProgress,
    Submit,
    RequestExtension,
    GrantExtension,
    RefuseExtension,
    Verify,
    EndFollowUp,
}
