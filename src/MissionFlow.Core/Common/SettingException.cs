namespace MissionFlow.Core.Common;

/// <summary>
/// A setting MissionFlow cannot run with (a missing connection string, a mistyped certificate pin): start-up
/// prints its message, which names the setting, and exits with 1 before a port opens or a row is written.
/// </summary>
public sealed class SettingException(string message) : Exception(message);
