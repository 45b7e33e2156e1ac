namespace MissionFlow.Engine.Definitions;

/// <summary>
/// A field a trigger takes from the actor. <see cref="After"/> names a data date the value must follow, or
/// <see cref="Today"/>;
/// <see cref="MaxLength"/> caps a text, <see cref="DefaultMaxLength"/> when the definition gives none.
/// </summary>
public sealed record InputDefinition(
    string Name,
    InputType Type,
    bool Required = false,
    int? Min = null,
    int? Max = null,
    IReadOnlyList<string>? Values = null,
    string? After = null,
    int? MaxLength = null)
{
    /// <summary>A comment or a reason is a few paragraphs; a whole report belongs in an attached file.</summary>
    public const int DefaultMaxLength = 4000;

    /// <summary>The <see cref="After"/> that means the council's date of the request, not a data key.</summary>
    public const string Today = "today";

    /// <summary>Characters a text input takes at most.</summary>
    public int TextLimit => MaxLength ?? DefaultMaxLength;
}

public enum InputType { Text, Integer, Date, Choice }
