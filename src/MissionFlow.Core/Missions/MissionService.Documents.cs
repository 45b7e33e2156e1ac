using MissionFlow.Core.Common;
using MissionFlow.Core.Documents;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Missions;

/// <summary>A mission's documents: plan, decision, outline, an agency's report, minutes, the conclusion notice.</summary>
public sealed partial class MissionService
{
    /// <summary>
    /// Adds a document, by the people who act on the mission. An agency's report names its agency (on a mission
    /// over one agency, that one), so that on a shared mission the other agencies never read it.
    /// </summary>
    public async Task<StoredFile> AddDocumentAsync(Guid missionId, string? kind, Guid? agencyId, FileUpload upload, Actor actor, CancellationToken ct = default)
    {
        var mission = await ForCommandAsync(missionId, actor, ct);
        var documentKind = string.IsNullOrWhiteSpace(kind) ? "other" : kind.Trim();
        if (!DocumentService.MissionKinds.Contains(documentKind))
            throw new InvalidRequestException("kind", $"'kind' must be one of: {string.Join(", ", DocumentService.MissionKinds)}.") { Code = "choice", Args = ["kind"] };
        if (agencyId is { } agency && !mission.AgencyIds.Contains(agency))
            throw new InvalidRequestException("agencyId", "The agency is not one this mission supervises.") { Code = "agency-not-supervised", Args = ["agencyId"] };
        if (documentKind == "agency-report" && agencyId is null)
            agencyId = mission.AgencyIds.Count == 1
                ? mission.AgencyIds[0]
                : throw new InvalidRequestException("agencyId", "An agency's report names the agency it is from: 'agencyId' is required.") { Code = "required", Args = ["agencyId"] };
        var file = await documents.AddAsync(FileOwner.Mission, missionId, documentKind, upload, actor.Id, "file", agencyId, ct);
        await db.SaveChangesAsync(ct);
        return file;
    }
}
