using MissionFlow.Core.Documents;
using MissionFlow.Core.Missions;
using MissionFlow.Core.People;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Access;

/// <summary>
/// Who sees what and who acts on what, in one place (the README's roles × actions table says the same):
/// <list type="bullet">
/// <item>agency people see the missions that supervise their agency, and of those only the public parts and their
/// own agency's items; another agency's item is "not found" to them, never "forbidden";</item>
/// <item>the admin and the standing committee act on every mission; a delegation role (head, member, secretary)
/// acts only on the missions whose delegation lists that person, and reads the others.</item>
/// </list>
/// The workflow definitions then say which role may fire which trigger; these rules come first.
/// </summary>
public static class AccessRules
{
    /// <summary>Mission documents every supervised agency may read; an agency's own report is for that agency.</summary>
    public static IReadOnlySet<string> PublicDocumentKinds { get; } = new HashSet<string> { "plan", "decision", "report-outline", "conclusion-notice", "minutes" };

    /// <summary>The agency whose items alone this person may see, or null for the council's people.</summary>
    public static Guid? AgencyScope(this Actor actor) => Guid.TryParse(actor.AgencyId, out var id) ? id : null;

    public static bool ActsOnEveryMission(this Actor actor) =>
        actor.IsSystem || actor.Roles.Contains(Roles.Admin) || actor.Roles.Contains(Roles.Committee);

    public static bool MaySee(this Actor actor, Mission mission) =>
        actor.AgencyScope() is not { } agency || mission.AgencyIds.Contains(agency);

    public static bool MayActOn(this Actor actor, Mission mission) =>
        actor.AgencyScope() is null && (actor.ActsOnEveryMission() || actor.IsListedIn(mission.Delegation));

    public static bool IsListedIn(this Actor actor, IEnumerable<DelegationMember> delegation) =>
        delegation.Any(d => string.Equals(d.Email, actor.Id, StringComparison.OrdinalIgnoreCase));

    /// <summary>An agency reads the mission's public documents and those about itself; the council reads all.</summary>
    public static bool MaySee(this Actor actor, StoredFile document) =>
        actor.AgencyScope() is not { } agency
        || document.AgencyId == agency
        || (document.AgencyId is null && PublicDocumentKinds.Contains(document.Kind));

    /// <summary>Drafts of a mission's letters: the Council Office, who issues them, and whoever acts on the mission.</summary>
    public static bool MayDraftFor(this Actor actor, Mission mission) =>
        actor.AgencyScope() is null && (actor.Roles.Contains(Roles.CouncilOffice) || actor.MayActOn(mission));

    /// <summary>Refuses a command on a mission the person may see but not act on.</summary>
    public static void EnsureMayActOn(this Actor actor, Mission mission)
    {
        if (!actor.MayActOn(mission))
            throw new Common.ForbiddenException($"Only the committee and the members of mission {mission.Code}'s delegation act on it.");
    }
}
