using System.Globalization;
using System.Text.Json;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Web.Ui.Forms;

/// <summary>An instance's journal as the pages list it; <see cref="FileLink"/> gives a download address for files attached to an entry.</summary>
internal sealed record JournalTable(IReadOnlyList<JournalEntry> Entries, WorkflowInstance Instance, IReadOnlyList<StoredFile> Files, Func<StoredFile, string> FileLink)
{
    /// <summary>What the actor entered besides the comment (a percentage, a requested date, a result), which the journal keeps too.</summary>
    public static IEnumerable<(string Name, string Value)> Inputs(JournalEntry entry) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(entry.InputJson) ?? [])
            .Where(i => i.Key is not ("comment" or "reason") || i.Value != entry.Comment)
            .Select(i => (i.Key, i.Value));

    public static bool IsDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
