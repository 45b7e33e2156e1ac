namespace MissionFlow.Web.Backup;

/// <summary>A back-up or restore that will not be done; the message is one sentence saying why, and nothing was changed.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
