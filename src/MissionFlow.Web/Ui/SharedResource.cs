namespace MissionFlow.Web;

/// <summary>
/// Names Resources/SharedResource.{vi,en}.resx for IStringLocalizer. It lives outside Resources/ on purpose: a
/// class beside a .resx of the same name would rename the embedded resource and the localizer would miss it.
/// </summary>
public sealed class SharedResource;
