using MissionFlow.Core.Documents;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Ui.Forms;

/// <summary>An instance's journal as the pages list it; <see cref="FileLink"/> gives a download address for files attached to an entry.</summary>
internal sealed record JournalTable(IReadOnlyList<JournalEntry> Entries, WorkflowInstance Instance, IReadOnlyList<StoredFile> Files, Func<StoredFile, string> FileLink);
