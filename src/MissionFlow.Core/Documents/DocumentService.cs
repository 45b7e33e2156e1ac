using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Access;
using MissionFlow.Core.Common;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Documents;

/// <summary>Attaches stored files to a mission or a recommendation, and finds them again.</summary>
public sealed class DocumentService(MissionFlowDbContext db, FileStore store, TimeProvider time)
{
    /// <summary>The kinds of mission document the procedure produces.</summary>
    public static IReadOnlySet<string> MissionKinds { get; } =
        new HashSet<string> { "plan", "decision", "report-outline", "agency-report", "conclusion-notice", "minutes", "other" };

    public const string EvidenceKind = "evidence";

    /// <summary>Stores the bytes and adds the row to the unit of work; the caller saves (with its own changes).</summary>
    public async Task<StoredFile> AddAsync(FileOwner owner, Guid ownerId, string kind, FileUpload upload, string uploadedBy, string field,
        Guid? agencyId = null, CancellationToken ct = default)
    {
        var (sha256, size) = await store.SaveAsync(upload, field, ct);
        var file = new StoredFile
        {
            OwnerType = owner,
            OwnerId = ownerId,
            Kind = kind,
            FileName = Path.GetFileName(upload.FileName),
            ContentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType,
            Size = size,
            Sha256 = sha256,
            UploadedBy = uploadedBy,
            UploadedAt = time.GetUtcNow(),
            AgencyId = agencyId,
        };
        db.Files.Add(file);
        return file;
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(FileOwner owner, Guid ownerId, CancellationToken ct = default) =>
        await db.Files.AsNoTracking().Where(f => f.OwnerType == owner && f.OwnerId == ownerId).OrderBy(f => f.UploadedAt).ToListAsync(ct);

    /// <summary>A mission's documents that <paramref name="viewer"/> may read, filtered in the query.</summary>
    public async Task<IReadOnlyList<StoredFile>> MissionDocumentsAsync(Guid missionId, Actor viewer, CancellationToken ct = default)
    {
        var query = db.Files.AsNoTracking().Where(f => f.OwnerType == FileOwner.Mission && f.OwnerId == missionId);
        if (viewer.AgencyScope() is { } agency)
        {
            var open = AccessRules.PublicDocumentKinds.ToList();
            query = query.Where(f => f.AgencyId == agency || (f.AgencyId == null && open.Contains(f.Kind)));
        }
        return await query.OrderBy(f => f.UploadedAt).ToListAsync(ct);
    }

    /// <summary>One of a mission's documents, if <paramref name="viewer"/> may read it; otherwise "not found".</summary>
    public async Task<(StoredFile File, Stream Content)> OpenMissionDocumentAsync(Guid missionId, Guid fileId, Actor viewer, CancellationToken ct = default)
    {
        var (file, content) = await OpenAsync(FileOwner.Mission, missionId, fileId, ct);
        if (viewer.MaySee(file))
            return (file, content);
        await content.DisposeAsync();
        throw new NotFoundException($"No file {fileId}.");
    }

    public async Task<(StoredFile File, Stream Content)> OpenAsync(FileOwner owner, Guid ownerId, Guid fileId, CancellationToken ct = default)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == owner && f.OwnerId == ownerId, ct)
            ?? throw new NotFoundException($"No file {fileId}.");
        return (file, store.Open(file.Sha256));
    }
}
