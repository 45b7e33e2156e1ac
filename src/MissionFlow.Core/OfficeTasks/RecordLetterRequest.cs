using MissionFlow.Core.Documents;

namespace MissionFlow.Core.OfficeTasks;

/// <summary>The letter the Office issued for a rung: its number (e.g. 245/HĐND-VP), date, signer and signed PDF.</summary>
public sealed record RecordLetterRequest(string? DocumentNumber, DateOnly? DocumentDate, string? Signer, FileUpload? File, bool Complex = false);
