using System.Text;
using System.Text.Json;

namespace MissionFlow.Engine.Definitions;

/// <summary>
/// Maps a JSON path ("$.transitions[2].to") to the line it starts on. System.Text.Json's DOM forgets positions,
/// so one pass of the reader records them.
/// </summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap() { }

    public static JsonLineMap Build(byte[] utf8)
    {
        var map = new JsonLineMap();
        var newlines = NewlineOffsets(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var line = LineOf(newlines, reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        map._lines.TryAdd(Child(path, pendingProperty), line);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Pop();
                        continue;
                }
                var here = Child(path, pendingProperty);
                pendingProperty = null;
                map._lines.TryAdd(here, line);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    path.Push(new Frame(here, reader.TokenType == JsonTokenType.StartArray));
            }
        }
        catch (JsonException)
        {
            // A malformed file is reported by the parser with its own position; the map keeps what it read.
        }
        return map;
    }

    /// <summary>The line of <paramref name="jsonPath"/>, or of its nearest ancestor that has one.</summary>
    public int LineOf(string jsonPath)
    {
        for (var p = jsonPath; p.Length > 0; p = Parent(p))
            if (_lines.TryGetValue(p, out var line))
                return line;
        return 1;
    }

    public static string FromPointer(string pointer)
    {
        var builder = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            builder.Append(int.TryParse(segment, out var index) ? $"[{index}]" : $".{segment}");
        }
        return builder.ToString();
    }

    private static string Child(Stack<Frame> path, string? property)
    {
        if (path.Count == 0)
            return "$";
        var parent = path.Peek();
        return parent.IsArray ? $"{parent.Path}[{parent.NextIndex++}]" : $"{parent.Path}.{property}";
    }

    private static string Parent(string path)
    {
        if (path == "$")
            return "";
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }

    private static List<long> NewlineOffsets(byte[] utf8)
    {
        var offsets = new List<long>();
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n')
                offsets.Add(i);
        return offsets;
    }

    private static int LineOf(List<long> newlines, long offset)
    {
        var index = newlines.BinarySearch(offset);
        return (index < 0 ? ~index : index) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
    }
}
