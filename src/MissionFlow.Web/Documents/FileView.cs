using MissionFlow.Core.Documents;

namespace MissionFlow.Web.Documents;

/// <summary>A stored file as the API shows it: never its place on disk.</summary>
public sealed record FileView(Guid Id, string FileName, string ContentType, long Size, string Sha256, string Kind, string UploadedBy, DateTimeOffset UploadedAt, long? JournalEntryId, Guid? AgencyId)
{
    public static FileView Of(StoredFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Kind, f.UploadedBy, f.UploadedAt, f.JournalEntryId, f.AgencyId);
}
