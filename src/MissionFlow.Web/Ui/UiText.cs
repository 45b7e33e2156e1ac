using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MissionFlow.Core.Common;
using MissionFlow.Core.Workflows;
using MissionFlow.Engine.Calendar;

namespace MissionFlow.Web.Ui;

/// <summary>
/// Every word the pages show: resource strings, the definitions' own state names in the reader's language, and
/// dates as dd/MM/yyyy in the council's time zone whatever the language.
/// </summary>
internal sealed class UiText(IStringLocalizer<SharedResource> strings, DefinitionCatalog catalog, CouncilClock clock, IOptions<IdentityOptions> identity)
{
    public const string DateFormat = "dd/MM/yyyy";

    public string this[string key] => strings[key];

    public string this[string key, params object[] arguments] => strings[key, arguments];

    public string Language => UiLanguages.Current;

    /// <summary>
    /// A state's name: the resources' by workflow and state id first, so a state renamed in a later version reads the
    /// same on the instances pinned to an earlier, immutable one; otherwise the definition's own.
    /// </summary>
    public string State(string workflowId, int version, string state) =>
        Or($"State.{workflowId}.{state}", catalog.Find(workflowId, version)?.FindState(state)?.Name.In(Language) ?? state);

    public string State(WorkflowInstance instance) => State(instance.WorkflowId, instance.WorkflowVersion, instance.State);

    /// <summary>Definitions name their triggers by id only; their words are in the resources, the id if one is missing.</summary>
    public string Trigger(string trigger) => Or($"Trigger.{trigger}", trigger);

    public string Input(string name) => Or($"Input.{name}", name);

    /// <summary>A verification result (the choice of "verify", or "ended"), as the committee names it.</summary>
    public string Result(string value) => Or($"Result.{value}", value);

    public string Role(string role) => Or($"Role.{role}", role);

    /// <summary>
    /// A refusal in the reader's language when its code has words in the resources (the field or trigger named
    /// as the pages name them), otherwise the domain's English reason.
    /// </summary>
    public string Refusal(MissionFlowException refusal)
    {
        var template = strings[$"Refusal.{refusal.Code}"];
        if (refusal.Code.Length == 0 || template.ResourceNotFound || refusal.Args.Count == 0)
            return refusal.Message;
        if (refusal.Code == "account-rules")
            return AccountRules(refusal, template.Value);
        var args = refusal.Args.Cast<object>().ToArray();
        args[0] = refusal.Code is "unknown-trigger" or "forbidden" or "forbidden-agency" or "wrong-state" or "requirement" or "concurrency"
            ? Trigger(refusal.Args[0])
            : Input(FieldName(refusal.Args[0]));
        if (refusal.Code == "requirement" && args.Length > 1)
            args[1] = Or($"Fact.{refusal.Args[1]}", refusal.Args[1]);
        return string.Format(CultureInfo.CurrentCulture, template.Value, args);
    }

    /// <summary>
    /// What Identity refused (a password too short, without a digit...), each rule in the reader's language with the
    /// configured bounds; Identity's English when a rule has no words here.
    /// </summary>
    private string AccountRules(MissionFlowException refusal, string template)
    {
        var password = identity.Value.Password;
        var rules = refusal.Args.Skip(1).Select(code => strings[$"Identity.{code}", password.RequiredLength, password.RequiredUniqueChars]).ToList();
        return rules.Count == 0 || rules.Any(r => r.ResourceNotFound)
            ? refusal.Message
            : string.Format(CultureInfo.CurrentCulture, template, Input(FieldName(refusal.Args[0])), string.Join("; ", rules.Select(r => r.Value)));
    }

    /// <summary>"recommendations[2].deadline" is labelled as "deadline", "files[0]" as "files".</summary>
    private static string FieldName(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var index = last.IndexOf('[');
        return index < 0 ? last : last[..index];
    }

    public string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString($"{DateFormat} HH:mm", CultureInfo.InvariantCulture);

    public string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    private string Or(string key, string fallback)
    {
        var text = strings[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
