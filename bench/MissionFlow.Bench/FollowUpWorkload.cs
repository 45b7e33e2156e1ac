using System.Globalization;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Bench;

/// <summary>One trigger to fire: who fires it and with what input.</summary>
public sealed record WorkloadStep(string Trigger, Actor Actor, IReadOnlyDictionary<string, string?> Input);

/// <summary>
/// The recommendation-followup instances of the run and where each is in its life. Every instance is
/// acknowledged once, then goes round <see cref="Cycle"/> for ever: progress reports, extensions granted (the
/// deadline moves: 7 timers cancelled and 7 set), extensions refused, a submission (7 cancelled) and a
/// reopening (7 set).
/// </summary>
public sealed class FollowUpWorkload
{
    public const string WorkflowId = "recommendation-followup";
    public const int Agencies = 10;

    /// <summary>The triggers fired after "acknowledge", in order, from state acknowledged / in-progress.</summary>
    public static IReadOnlyList<string> Cycle { get; } =
    [
        "report-progress", "request-extension", "grant-extension", "report-progress",
        "request-extension", "refuse-extension", "submit", "reopen",
    ];

    private static readonly DateOnly FirstDeadline = new(2035, 6, 29);
    private static readonly Actor Committee = new("committee@x", new HashSet<string> { "committee" });

    private readonly Actor[] _officers;
    private readonly string[] _agencyIds;
    private readonly Follow[] _instances;

    public FollowUpWorkload(int instances)
    {
        _agencyIds = Enumerable.Range(1, Agencies).Select(a => new Guid($"0193a3d2-0000-7000-8000-{a:D12}").ToString()).ToArray();
        _officers = _agencyIds.Select(a => new Actor("officer@x", new HashSet<string> { "agency-officer" }, a)).ToArray();
        _instances = Enumerable.Range(0, instances).Select(i => new Follow(FirstDeadline.AddDays(i % 60))).ToArray();
    }

    public int Count => _instances.Length;

    public Guid IdOf(int index) => _instances[index].Id;

    public void Started(int index, Guid id) => _instances[index].Id = id;

    /// <summary>The data a recommendation-followup instance starts with, as MissionService gives it.</summary>
    public IReadOnlyDictionary<string, string> StartData(int index) => new Dictionary<string, string>
    {
        ["agencyId"] = _agencyIds[index % Agencies],
        ["deadline"] = Date(_instances[index].Deadline),
        ["missionCode"] = "GS-BENCH",
        ["number"] = (index + 1).ToString(CultureInfo.InvariantCulture),
        ["text"] = "Đẩy mạnh thanh tra, kiểm tra việc thực hiện chế độ công vụ, công chức tại các cơ quan, đơn vị.",
    };

    public Actor Starter => Committee;

    /// <summary>
    /// The order that acknowledges instance i and takes it i % 8 steps into <see cref="Cycle"/>, round-robin:
    /// after it, the instances stand evenly over the cycle.
    /// </summary>
    public int[] SpreadOrder() =>
        Enumerable.Range(0, Cycle.Count) // pass 0 acknowledges all; pass p moves those with i % 8 >= p
            .SelectMany(pass => Enumerable.Range(0, Count).Where(i => pass <= i % Cycle.Count))
            .ToArray();

    /// <summary>The next trigger for instance <paramref name="index"/>; call <see cref="Advance"/> once it was fired.</summary>
    public WorkloadStep Next(int index)
    {
        var follow = _instances[index];
        var officer = _officers[index % Agencies];
        if (follow.Position < 0)
            return new WorkloadStep("acknowledge", officer, NoInput);
        var trigger = Cycle[follow.Position % Cycle.Count];
        return trigger switch
        {
            "report-progress" => new WorkloadStep(trigger, officer, new Dictionary<string, string?>
            {
                ["comment"] = "Đã giao phòng chuyên môn xây dựng kế hoạch, đang triển khai.",
                ["percent"] = ((follow.Position * 7) % 101).ToString(CultureInfo.InvariantCulture),
            }),
            "request-extension" => new WorkloadStep(trigger, officer, new Dictionary<string, string?>
            {
                ["newDeadline"] = Date(follow.Deadline.AddDays(14)),
                ["reason"] = "Cần thêm thời gian để phối hợp với các sở, ngành liên quan.",
            }),
            "grant-extension" => new WorkloadStep(trigger, Committee, NoInput),
            "refuse-extension" => new WorkloadStep(trigger, Committee, new Dictionary<string, string?> { ["reason"] = "Thời hạn hiện tại là đủ." }),
            "submit" => new WorkloadStep(trigger, officer, NoInput),
            "reopen" => new WorkloadStep(trigger, Committee, new Dictionary<string, string?> { ["reason"] = "Báo cáo chưa đủ căn cứ, đề nghị bổ sung." }),
            _ => throw new InvalidOperationException(trigger),
        };
    }

    public void Advance(int index)
    {
        var follow = _instances[index];
        if (follow.Position >= 0 && Cycle[follow.Position % Cycle.Count] == "grant-extension")
            follow.Deadline = follow.Deadline.AddDays(14);
        follow.Position++;
    }

    private static readonly IReadOnlyDictionary<string, string?> NoInput = new Dictionary<string, string?>();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Follow(DateOnly deadline)
    {
        public Guid Id { get; set; }
        public DateOnly Deadline { get; set; } = deadline;

        /// <summary>-1 before "acknowledge", then the count of cycle triggers fired.</summary>
        public int Position { get; set; } = -1;
    }
}
