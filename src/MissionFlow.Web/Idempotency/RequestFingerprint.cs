using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MissionFlow.Web.Idempotency;

/// <summary>
/// SHA-256 of what makes two requests the same one: method, route and body. A JSON body is hashed as sent; a
/// form as its fields (by name) and each file's name and bytes, since a client sending it again picks a new
/// multipart boundary. Bytes are hashed as they are read from the buffer the body or form already sits in,
/// never copied again.
/// </summary>
internal static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, request.Method);
        Append(sha, $"{request.Path}{request.QueryString}");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (name, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                foreach (var value in values)
                {
                    Append(sha, name);
                    Append(sha, value ?? "");
                }
            foreach (var file in form.Files)
            {
                Append(sha, file.Name);
                Append(sha, file.FileName);
                await using var content = file.OpenReadStream();
                await AppendAsync(sha, content, ct);
            }
        }
        else
        {
            if (!request.Body.CanSeek)
                throw new InvalidOperationException($"The body of a request with an {IdempotencyFilter.Header} must be buffered: call UseIdempotencyBuffering.");
            request.Body.Position = 0;
            await AppendAsync(sha, request.Body, ct);
            // The handler may read the body itself after the filter (a trigger's input): it starts from the top.
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Each part is preceded by its length, so no two different requests run together into the same bytes.</summary>
    private static void Append(IncrementalHash sha, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendLength(sha, bytes.Length);
        sha.AppendData(bytes);
    }

    private static async Task AppendAsync(IncrementalHash sha, Stream content, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long length = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                length += read;
            }
            AppendLength(sha, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void AppendLength(IncrementalHash sha, long length)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, length);
        sha.AppendData(bytes);
    }
}
