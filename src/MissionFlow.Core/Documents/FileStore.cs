using System.Security.Cryptography;
using MissionFlow.Core.Common;

namespace MissionFlow.Core.Documents;

/// <summary>
/// Content-addressed storage on disk: bytes go to Root/ab/abcdef… named by their SHA-256. Writing is done to a
/// temporary file first and moved into place, so a crash never leaves a half file under a real hash; a file
/// whose database row was never committed is an orphan that costs space but misleads no one.
/// </summary>
public sealed class FileStore(FileStoreOptions options)
{
    public async Task<(string Sha256, long Size)> SaveAsync(FileUpload upload, string field, CancellationToken ct = default)
    {
        Check(upload, field);
        OwnerOnly.CreateDirectory(options.Root);
        var temp = Path.Combine(options.Root, $".upload-{Guid.NewGuid():N}");
        long size;
        byte[] hash;
        try
        {
            await using (var target = OwnerOnly.CreateFile(temp))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await upload.Content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > options.MaxBytes)
                        throw new InvalidRequestException(field, $"'{upload.FileName}' is larger than the limit of {options.MaxBytes / (1024 * 1024)} MB.")
                            { Code = "file-too-large", Args = [field, upload.FileName, $"{options.MaxBytes / (1024 * 1024)}"] };
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = sha.GetHashAndReset();
            }
            if (size == 0)
                throw new InvalidRequestException(field, $"'{upload.FileName}' is empty.") { Code = "file-empty", Args = [field, upload.FileName] };
            var sha256 = Convert.ToHexStringLower(hash);
            var path = PathOf(sha256);
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
                File.Move(temp, path);
            return (sha256, size);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    private string PathOf(string sha256) => Path.Combine(options.Root, sha256[..2], sha256);

    private void Check(FileUpload upload, string field)
    {
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(upload.FileName) || !options.AllowedExtensions.Contains(extension))
            throw new InvalidRequestException(field, $"Files of type '{extension}' are not accepted; allowed: {string.Join(", ", options.AllowedExtensions)}.")
                { Code = "file-type", Args = [field, extension, string.Join(", ", options.AllowedExtensions)] };
    }
}
