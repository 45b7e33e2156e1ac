using System.Globalization;
using MissionFlow.Engine.Definitions;

namespace MissionFlow.Web.Ui.Forms;

/// <summary>
/// A button, with the fields its transition asks for, for one trigger the person may fire now. The fields come
/// from the definition, so a council that adds an input to a trigger gets it on the page without a release.
/// </summary>
internal sealed record TriggerForm(string Trigger, IReadOnlyList<InputDefinition> Inputs, bool TakesComment, bool AcceptsFiles, DateOnly? DateAfter)
{
    public const string Prefix = "input.";

    public static IReadOnlyList<TriggerForm> For(WorkflowDefinition definition, string state, IEnumerable<string> triggers,
        IReadOnlyDictionary<string, string> data, Func<string, bool>? acceptsFiles = null) =>
        triggers
            .Where(t => definition.FindTransition(t, state) is not null)
            .Select(t => (Trigger: t, Inputs: definition.InputsFor(t, state)))
            .Select(p => new TriggerForm(p.Trigger, p.Inputs,
                // Every trigger takes a comment for the journal; only add the field when the definition has no text of its own.
                !p.Inputs.Any(i => i.Name is "comment" or "reason"),
                acceptsFiles?.Invoke(p.Trigger) == true,
                p.Inputs.FirstOrDefault(i => i.After is not null) is { After: { } key } && data.TryGetValue(key, out var bound)
                    && DateOnly.TryParseExact(bound, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var after) ? after : null))
            .ToList();

    /// <summary>The posted fields named "input.x", as the flat strings the engine checks.</summary>
    public static Dictionary<string, string?> Read(IFormCollection form) =>
        form.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(k => k[Prefix.Length..], k => (string?)form[k].ToString());

    public string Id(string input) => $"{Trigger}-{input}";
}
