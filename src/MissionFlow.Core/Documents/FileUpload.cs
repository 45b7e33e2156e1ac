namespace MissionFlow.Core.Documents;

/// <summary>A file as received: its name, declared type and a stream the store reads once.</summary>
public sealed record FileUpload(string FileName, string ContentType, Stream Content);
