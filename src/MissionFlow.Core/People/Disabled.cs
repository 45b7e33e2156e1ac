namespace MissionFlow.Core.People;

/// <summary>
/// An account the admin disabled: Identity's lockout with no end, so every sign-in path Identity has refuses it
/// without a column of our own. Five wrong passwords lock for 15 minutes; only the admin's lock reaches this far.
/// </summary>
public static class Disabled
{
    public static readonly DateTimeOffset Until = DateTimeOffset.MaxValue;

    // A year of slack: a provider may store the end a little short of the maximum (PostgreSQL keeps microseconds).
    public static bool Is(AppUser user) => Is(user.LockoutEnd);

    public static bool Is(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= Until.AddYears(-1);
}
