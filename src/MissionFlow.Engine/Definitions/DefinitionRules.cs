using System.Text.Json;

namespace MissionFlow.Engine.Definitions;

/// <summary>The rules a schema cannot say: names that must resolve, states that must be reachable, offsets that must parse.</summary>
internal sealed class DefinitionRules(Vocabulary vocabulary)
{
    public IEnumerable<(string JsonPath, string Message)> Check(WorkflowDefinition d)
    {
        var states = d.States.Select(s => s.Id).ToHashSet();
        var templates = d.TemplateList.Select(t => t.Id).ToHashSet();

        foreach (var dup in Duplicates(d.States, s => s.Id))
            yield return ($"$.states[{dup}].id", $"State '{d.States[dup].Id}' is declared twice.");
        var fileTimers = d.Timers ?? [];
        foreach (var dup in Duplicates(fileTimers, t => t.Id))
            yield return ($"$.timers[{dup}].id", $"Timer '{fileTimers[dup].Id}' is declared twice.");
        foreach (var dup in Duplicates(d.TemplateList, t => t.Id))
            yield return ($"$.templates[{dup}].id", $"Template '{d.TemplateList[dup].Id}' is declared twice.");

        if (!states.Contains(d.InitialState))
            yield return ("$.initialState", $"Initial state '{d.InitialState}' is not a declared state.");
        if (!d.States.Any(s => s.Final))
            yield return ("$.states", "No state is final: an instance could never finish.");

        for (var i = 0; i < d.Transitions.Count; i++)
        {
            var t = d.Transitions[i];
            var at = $"$.transitions[{i}]";
            if (!states.Contains(t.To))
                yield return ($"{at}.to", $"Target state '{t.To}' of trigger '{t.Trigger}' is not a declared state.");
            for (var j = 0; j < t.From.Count; j++)
            {
                if (!states.Contains(t.From[j]))
                    yield return ($"{at}.from[{j}]", $"Source state '{t.From[j]}' of trigger '{t.Trigger}' is not a declared state.");
                if (d.Transitions.Take(i).FirstOrDefault(o => o.Trigger == t.Trigger && o.From.Contains(t.From[j]) && !o.ToldApartFrom(t)) is { } twin)
                    yield return ($"{at}.from[{j}]", $"Trigger '{t.Trigger}' is declared twice from state '{t.From[j]}'"
                        + (twin.WhenMap.Count + t.WhenMap.Count > 0 ? ", and 'when' does not tell the two apart: give both a 'when' on one input with no value in common." : "."));
            }
            if (d.Transitions.Take(i).FirstOrDefault(o => o.Trigger == t.Trigger && o.Meaning != t.Meaning) is { } other)
                yield return ($"{at}.meaning", $"Trigger '{t.Trigger}' means '{Kebab(t.Meaning)}' here and '{Kebab(other.Meaning)}' on an earlier transition: a trigger has one meaning.");
            for (var j = 0; j < t.Roles.Count; j++)
                if (!vocabulary.Roles.Contains(t.Roles[j]))
                    yield return ($"{at}.roles[{j}]", $"Unknown role '{t.Roles[j]}'; known roles: {string.Join(", ", vocabulary.Roles.Order())}.");
            foreach (var error in CheckInputs(t, at))
                yield return error;
            for (var j = 0; j < t.RequirementList.Count; j++)
                if (!vocabulary.Facts.Contains(t.RequirementList[j].Fact))
                    yield return ($"{at}.requires[{j}].fact", $"Unknown fact '{t.RequirementList[j].Fact}'; known facts: {string.Join(", ", vocabulary.Facts.Order())}.");
        }

        foreach (var unreachable in Unreachable(d, states))
            yield return ($"$.states[{d.States.ToList().FindIndex(s => s.Id == unreachable)}]", $"State '{unreachable}' cannot be reached from '{d.InitialState}'.");

        for (var i = 0; i < fileTimers.Count; i++)
        {
            var timer = fileTimers[i];
            var at = $"$.timers[{i}]";
            if (!DayOffset.TryParse(timer.Offset, out _))
                yield return ($"{at}.offset", $"Bad duration '{timer.Offset}': write signed days, 'd' for calendar or 'wd' for working days, e.g. -15wd or +1d.");
            if (!templates.Contains(timer.Template))
                yield return ($"{at}.template", $"Unknown template '{timer.Template}'.");
            for (var j = 0; j < timer.ActiveIn.Count; j++)
                if (!states.Contains(timer.ActiveIn[j]))
                    yield return ($"{at}.activeIn[{j}]", $"State '{timer.ActiveIn[j]}' is not a declared state.");
            for (var j = 0; j < timer.Recipients.Count; j++)
                if (!vocabulary.Recipients.Contains(timer.Recipients[j]))
                    yield return ($"{at}.recipients[{j}]", $"Unknown recipient '{timer.Recipients[j]}'; known recipients: {string.Join(", ", vocabulary.Recipients.Order())}.");
            if (timer.Kind == TimerKind.Escalation && timer.Level is null)
                yield return ($"{at}.level", "An escalation timer needs its level on the ladder.");
            if (d.Ladder is not null && timer.Id == LadderDefinition.StartTimerId)
                yield return ($"{at}.id", $"Timer id '{timer.Id}' is kept for the timer that opens the ladder's first rung.");
        }

        if (d.Ladder is { } ladder)
            foreach (var error in CheckLadder(ladder, states, templates))
                yield return error;
    }

    private IEnumerable<(string, string)> CheckLadder(LadderDefinition ladder, HashSet<string> states, HashSet<string> templates)
    {
        const string at = "$.ladder";
        for (var j = 0; j < ladder.ActiveIn.Count; j++)
            if (!states.Contains(ladder.ActiveIn[j]))
                yield return ($"{at}.activeIn[{j}]", $"State '{ladder.ActiveIn[j]}' is not a declared state.");
        if (!templates.Contains(ladder.DueTemplate))
            yield return ($"{at}.dueTemplate", $"Unknown template '{ladder.DueTemplate}'.");
        if (!templates.Contains(ladder.OverdueTemplate))
            yield return ($"{at}.overdueTemplate", $"Unknown template '{ladder.OverdueTemplate}'.");
        if (!DayOffset.TryParse(ladder.OverdueAfter, out var overdue) || overdue.Days <= 0)
            yield return ($"{at}.overdueAfter", $"Bad duration '{ladder.OverdueAfter}': write a positive number of days, e.g. +5wd.");
        foreach (var dup in Duplicates(ladder.Rungs, r => r.Id))
            yield return ($"{at}.rungs[{dup}].id", $"Rung '{ladder.Rungs[dup].Id}' is declared twice.");
        for (var i = 0; i < ladder.Rungs.Count; i++)
        {
            var rung = ladder.Rungs[i];
            var path = $"{at}.rungs[{i}]";
            foreach (var (field, offset) in new[] { ("offset", rung.Offset), ("complexOffset", rung.ComplexOffset) })
                if (offset is not null && (!DayOffset.TryParse(offset, out var parsed) || parsed.Days < 0))
                    yield return ($"{path}.{field}", $"Bad duration '{offset}': write days after the previous step, 'd' for calendar or 'wd' for working days, e.g. +10wd or +15d.");
            if (rung.ComplexOffset is not null && (i == 0 || !ladder.Rungs[i - 1].MayBeComplex))
                yield return ($"{path}.complexOffset", $"Rung '{rung.Id}' has a complex case's delay but the rung before it cannot be recorded as complex.");
            for (var j = 0; j < rung.Remind.Count; j++)
                if (!vocabulary.Recipients.Contains(rung.Remind[j]))
                    yield return ($"{path}.remind[{j}]", $"Unknown recipient '{rung.Remind[j]}'; known recipients: {string.Join(", ", vocabulary.Recipients.Order())}.");
            if (rung.LetterTo is { } to && !vocabulary.Recipients.Contains(to))
                yield return ($"{path}.letterTo", $"Unknown recipient '{to}'; known recipients: {string.Join(", ", vocabulary.Recipients.Order())}.");
            if (rung.Template is { } template && !templates.Contains(template))
                yield return ($"{path}.template", $"Unknown template '{template}'.");
            if ((rung.LetterTo is null) != (rung.Template is null))
                yield return ($"{path}.{(rung.Template is null ? "template" : "letterTo")}", $"Rung '{rung.Id}' needs both the letter's recipient and its mail template, or neither.");
        }
    }

    /// <summary>Rules across files: one (id, version) per folder, spawned workflows present.</summary>
    public static IEnumerable<DefinitionError> CheckFolder(IReadOnlyList<(WorkflowDefinition Definition, string File, JsonLineMap Lines)> loaded)
    {
        foreach (var group in loaded.GroupBy(l => (l.Definition.Id, l.Definition.Version)).Where(g => g.Count() > 1))
            foreach (var twin in group.Skip(1))
                yield return new DefinitionError(twin.File, "$.version", twin.Lines.LineOf("$.version"),
                    $"Workflow '{group.Key.Id}' version {group.Key.Version} is also defined in {group.First().File}.");
        var ids = loaded.Select(l => l.Definition.Id).ToHashSet();
        foreach (var (definition, file, lines) in loaded)
            for (var i = 0; i < definition.Transitions.Count; i++)
                if (definition.Transitions[i].Spawn is { } spawn && !ids.Contains(spawn.Workflow))
                    yield return new DefinitionError(file, $"$.transitions[{i}].spawn.workflow", lines.LineOf($"$.transitions[{i}].spawn.workflow"),
                        $"Spawned workflow '{spawn.Workflow}' is not defined in this folder.");
    }

    private static IEnumerable<(string, string)> CheckInputs(TransitionDefinition t, string at)
    {
        var names = t.InputList.Select(i => i.Name).ToHashSet();
        foreach (var dup in Duplicates(t.InputList, i => i.Name))
            yield return ($"{at}.inputs[{dup}].name", $"Input '{t.InputList[dup].Name}' is declared twice.");
        for (var j = 0; j < t.InputList.Count; j++)
        {
            if (t.InputList[j] is { Type: InputType.Choice, Values: null or { Count: 0 } })
                yield return ($"{at}.inputs[{j}].values", $"Choice input '{t.InputList[j].Name}' lists no values.");
            if (t.InputList[j] is { Type: not InputType.Text, MaxLength: not null })
                yield return ($"{at}.inputs[{j}].maxLength", $"Input '{t.InputList[j].Name}' is not text: 'maxLength' applies to text inputs only.");
        }
        foreach (var (name, values) in t.WhenMap)
        {
            var input = t.InputList.FirstOrDefault(i => i.Name == name);
            if (input is not { Type: InputType.Choice })
                yield return ($"{at}.when.{name}", $"'when' names '{name}', which is not a choice input of trigger '{t.Trigger}'.");
            else
                for (var j = 0; j < values.Count; j++)
                    if (!input.Values!.Contains(values[j]))
                        yield return ($"{at}.when.{name}[{j}]", $"'{values[j]}' is not one of the values of '{name}': {string.Join(", ", input.Values!)}.");
        }
        foreach (var (key, source) in t.Assign ?? new Dictionary<string, string?>())
            if (source is not null && source.StartsWith("input.", StringComparison.Ordinal) && !names.Contains(source["input.".Length..]))
                yield return ($"{at}.assign.{key}", $"'{source}' names no input of trigger '{t.Trigger}'.");
        for (var j = 0; j < t.RequirementList.Count; j++)
            if (t.RequirementList[j].UnlessInput is { } input && !names.Contains(input))
                yield return ($"{at}.requires[{j}].unlessInput", $"'{input}' names no input of trigger '{t.Trigger}'.");
    }

    private static IEnumerable<string> Unreachable(WorkflowDefinition d, HashSet<string> states)
    {
        if (!states.Contains(d.InitialState))
            return [];
        var reached = new HashSet<string> { d.InitialState };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var state))
            foreach (var t in d.Transitions.Where(t => t.From.Contains(state)))
                if (reached.Add(t.To))
                    queue.Enqueue(t.To);
        return d.States.Select(s => s.Id).Where(s => !reached.Contains(s)).Distinct();
    }

    private static string Kebab(TriggerMeaning? meaning) => meaning is { } m ? JsonNamingPolicy.KebabCaseLower.ConvertName(m.ToString()) : "nothing";

    private static IEnumerable<int> Duplicates<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < items.Count; i++)
            if (!seen.Add(key(items[i])))
                yield return i;
    }
}
