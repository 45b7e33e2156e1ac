using MissionFlow.Engine.Runtime;

namespace MissionFlow.Engine.Tests.Support;

/// <summary>The people who act on a recommendation of agency "agency-7", and some who may not.</summary>
internal static class Actors
{
    public const string Agency = "agency-7";
    public const string OtherAgency = "agency-9";

    public static Actor OfficerOfAgency { get; } = new("officer-7", Roles("agency-officer"), Agency);
    public static Actor HeadOfAgency { get; } = new("head-7", Roles("agency-head"), Agency);
    public static Actor OfficerOfOtherAgency { get; } = new("officer-9", Roles("agency-officer"), OtherAgency);
    public static Actor OfficerWithoutAgency { get; } = new("officer-x", Roles("agency-officer"));
    public static Actor Committee { get; } = new("committee-1", Roles("committee"));
    public static Actor DelegationHead { get; } = new("delegation-head-1", Roles("delegation-head", "delegation-member"));
    public static Actor Secretary { get; } = new("secretary-1", Roles("secretary"));

    public static Actor ByName(string name) => name switch
    {
        "officer" => OfficerOfAgency,
        "head" => HeadOfAgency,
        "other-officer" => OfficerOfOtherAgency,
        "officer-without-agency" => OfficerWithoutAgency,
        "committee" => Committee,
        "delegation-head" => DelegationHead,
        "secretary" => Secretary,
        "system" => Actor.System,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test actor."),
    };

    public static readonly string[] Names = ["officer", "head", "other-officer", "officer-without-agency", "committee", "delegation-head", "secretary", "system"];

    private static HashSet<string> Roles(params string[] roles) => [.. roles];
}
