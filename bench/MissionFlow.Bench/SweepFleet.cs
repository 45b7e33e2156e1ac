using System.Globalization;
using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Missions;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Engine.Definitions;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Bench;

/// <summary>One follow-up the bulk load writes: its ids, its deadline, and the timer due at the measured instant (if any).</summary>
public sealed record PlannedFollowUp(Guid RecommendationId, Guid InstanceId, int Mission, int Number, Guid AgencyId, DateOnly Deadline,
    DateOnly OriginalDeadline, int EscalationLevel, TimerDefinition? DueTimer, int LiveTimers, int CancelledTimers);

/// <summary>
/// The data of the <c>sweep</c> command. A council of 40 agencies under the provincial People's Committee, its
/// committee account and an English-reading officer account for every fourth agency; 8 template missions taken
/// through the real services (MissionService: create, plan, report, on-site, conclusion with 20
/// recommendations, issue), which start the recommendation-followup instances and write their timers. Then the
/// bulk load: thousands of missions cloned from those templates row by row in SQL (new ids, codes, deadlines in
/// the instances' data), and their timer rows as the real <see cref="TimerScheduler"/> computes them for each
/// deadline, written with batched multi-row INSERTs in one transaction (SQLite) or COPY (PostgreSQL).
/// <para>
/// Every follow-up has the definition's timers (4 in the latest Law 121/2025 version, whose later rungs are the Office's ladder): the ones due before the measured instant are Fired (as past
/// sweeps left them), the others Pending; every tenth had its deadline extended by 14 days and keeps those rows
/// of its first deadline as Cancelled. Exactly <c>--due</c> follow-ups have one timer due at the measured instant
/// (08:00 council time on <see cref="Day"/>), spread over the timers; no other pending timer is due by then.
/// </para>
/// </summary>
public sealed class SweepFleet(SweepOptions options, WorkflowDefinition followUp)
{
    public const int RecommendationsPerMission = 20;
    public const int Agencies = 40;
    public const int Templates = 8;
    public const int AgenciesPerMission = 5;
    public const string SuperiorMailbox = "ubnd@tinh.test";
    public const string CommitteeAccount = "thuongtruc@hdnd.test";
    public const string Secretary = "vanphong@hdnd.test";
    private const int RowsPerInsert = 500;

    /// <summary>Monday 2 November 2026, a working day; the due timers fall due at 08:00 council time on it.</summary>
    public static DateOnly Day { get; } = new(2026, 11, 2);

    public static DateTimeOffset DueInstant { get; } = SweepDatabase.Clock.InstantOf(Day);

    /// <summary>When the templates are issued: six weeks before.</summary>
    public static DateTimeOffset IssuedAt { get; } = DueInstant.AddDays(-45);

    private readonly TimerScheduler _scheduler = new(SweepDatabase.Clock);
    private readonly Dictionary<DateOnly, IReadOnlyList<ScheduledTimer>> _timersOf = [];
    private readonly HashSet<Guid> _agenciesWithOfficer = [];

    /// <summary>The follow-up definition's timers, each a rung the due ones are spread over.</summary>
    private int Rungs => followUp.TimerList.Count;

    public List<PlannedFollowUp> FollowUps { get; } = [];
    public int TemplateTimers { get; private set; }
    public int TemplateFollowUps { get; private set; }
    public int Missions { get; private set; }
    public int BulkTimers { get; private set; }
    public int PendingTimers { get; private set; }
    public int FiredTimers { get; private set; }
    public int CancelledTimers { get; private set; }
    public TimeSpan EngineTime { get; private set; }
    public TimeSpan CloneTime { get; private set; }
    public TimeSpan TimerTime { get; private set; }

    public IEnumerable<PlannedFollowUp> Due => FollowUps.Where(f => f.DueTimer is not null);

    /// <summary>The outbox rows the due follow-ups owe: one per distinct address of each due timer's recipients in this council.</summary>
    public int ExpectedOutbox => Due.Sum(f => f.DueTimer!.Recipients.Sum(r => r switch
    {
        Roles.AgencyOfficer => _agenciesWithOfficer.Contains(f.AgencyId) ? 2 : 1, // the agency's mailbox, and its officer's account
        _ => 1, // agency-head: the head's mailbox; secretary: the delegation's; committee: the account; superior-body: UBND tỉnh
    }));

    public int ExpectedTasks => Due.Count(f => f.DueTimer!.Task is not null);

    public async Task SeedAsync(ServiceProvider services, SweepDatabase database, BenchClock clock, TextWriter progress)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        clock.Now = IssuedAt;
        var agencies = await SeedCouncilAsync(services);
        var templates = new List<Guid>();
        for (var t = 0; t < Templates; t++)
            templates.Add(await IssueTemplateAsync(services, t, agencies.Skip(t * AgenciesPerMission).Take(AgenciesPerMission).ToList()));
        var template = await ReadTemplatesAsync(services, templates);
        EngineTime = watch.Elapsed;
        progress.WriteLine($"  engine: council, {Templates} template missions with {TemplateFollowUps} follow-ups and {TemplateTimers} timer rows, in {EngineTime.TotalSeconds:0.0} s");

        Plan(template);
        progress.WriteLine($"  plan: {Missions:N0} missions, {FollowUps.Count:N0} follow-ups, {BulkTimers:N0} timer rows to load");

        await using var connection = database.Open();
        if (database.IsSqlite)
        {
            // This connection only: a page cache that holds the indexes being filled (the app's connections keep the default).
            await using var cache = connection.CreateCommand();
            cache.CommandText = "PRAGMA cache_size = -262144";
            await cache.ExecuteNonQueryAsync();
        }
        watch.Restart();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var rows = new RowCloner(connection, transaction, database.IsSqlite);
            await CloneAsync(rows, template);
            CloneTime = watch.Elapsed;
            progress.WriteLine($"  cloned {Missions:N0} missions and {FollowUps.Count:N0} follow-ups (4 tables) in {CloneTime.TotalSeconds:0.0} s");
            watch.Restart();
            if (database.IsSqlite)
                await InsertTimersAsync(rows);
            await transaction.CommitAsync();
        }
        if (!database.IsSqlite)
            await CopyTimersAsync((Npgsql.NpgsqlConnection)connection);
        TimerTime = watch.Elapsed;
        progress.WriteLine($"  loaded {BulkTimers:N0} timer rows in {TimerTime.TotalSeconds:0.0} s ({BenchReport.Rate(BulkTimers / TimerTime.TotalSeconds)} rows/s)");
    }

    private async Task<List<Guid>> SeedCouncilAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var agencyService = scope.ServiceProvider.GetRequiredService<AgencyService>();
        await agencyService.CreateAsync(new CreateAgencyRequest("UBND-T", "Ủy ban nhân dân tỉnh", SuperiorMailbox, "chutich@tinh.test", null));
        var ids = new List<Guid>();
        for (var a = 1; a <= Agencies; a++)
            ids.Add((await agencyService.CreateAsync(new CreateAgencyRequest($"S{a:D2}", $"Sở số {a}", $"vanthu@s{a:D2}.test", $"giamdoc@s{a:D2}.test", "UBND-T"))).Id);

        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        AddAccount(db, roles, CommitteeAccount, Roles.Committee, "vi", null);
        for (var a = 0; a < Agencies; a += 4)
        {
            AddAccount(db, roles, $"chuyenvien@s{a + 1:D2}.test", Roles.AgencyOfficer, "en", ids[a]);
            _agenciesWithOfficer.Add(ids[a]);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    private static void AddAccount(MissionFlowDbContext db, Dictionary<string, IdentityRole> roles, string email, string role, string language, Guid? agencyId)
    {
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            Language = language, AgencyId = agencyId, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
    }

    /// <summary>As the web API would: a mission over five agencies taken to an issued conclusion with 20 recommendations.</summary>
    private static async Task<Guid> IssueTemplateAsync(ServiceProvider services, int t, List<Guid> agencies)
    {
        await using var scope = services.CreateAsyncScope();
        var missions = scope.ServiceProvider.GetRequiredService<MissionService>();
        var committee = new Actor(CommitteeAccount, new HashSet<string> { Roles.Committee });
        var none = new Dictionary<string, string?>();
        var today = SweepDatabase.Clock.LocalDate(IssuedAt);
        var mission = await missions.CreateAsync(new CreateMissionRequest(
            $"GS-BENCH-T{t + 1}", "Giám sát việc giải quyết thủ tục hành chính", "Cải cách hành chính",
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "Luật 87/2015/QH13",
            agencies, [new DelegationMemberRequest(Secretary, Roles.Secretary, "Văn phòng HĐND")], null), committee);
        await missions.FireAsync(mission.Id, "approve-plan", committee, none);
        await missions.FireAsync(mission.Id, "request-report", committee, none);
        await missions.RecordOnsiteSessionAsync(mission.Id, new OnsiteSessionRequest(today, "Trụ sở các sở", ["Đoàn giám sát"], [], "Biên bản làm việc"), committee);
        await missions.FireAsync(mission.Id, "hold-onsite", committee, none);
        await missions.FireAsync(mission.Id, "draft-conclusion", committee, none);
        var deadline = Day.AddDays(300); // far enough that none of the templates' own timers is near the measured day
        await missions.WriteConclusionAsync(mission.Id, new ConclusionRequest(today, "Chủ tịch HĐND", "Đạt kết quả", ["Còn chậm"],
            Enumerable.Range(0, RecommendationsPerMission)
                .Select(k => new RecommendationRequest(agencies[k % agencies.Count],
                    $"Kiến nghị thứ {k + 1}: rút ngắn thời gian giải quyết thủ tục hành chính, công khai kết quả.", deadline, "calendar", "normal"))
                .ToList()), committee);
        await missions.FireAsync(mission.Id, "issue-conclusion", committee, none);
        return mission.Id;
    }

    /// <summary>What the clones copy: each template mission, its instance's data, and its 20 recommendations' rows.</summary>
    private sealed record Template(Guid MissionId, Guid InstanceId, string Code, string InstanceData, List<TemplateItem> Items);

    private sealed record TemplateItem(Guid RecommendationId, Guid InstanceId, int Number, Guid AgencyId, string InstanceData);

    private async Task<List<Template>> ReadTemplatesAsync(ServiceProvider services, List<Guid> missionIds)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionFlowDbContext>();
        var result = new List<Template>();
        foreach (var id in missionIds)
        {
            var mission = await db.Missions.AsNoTracking().SingleAsync(m => m.Id == id);
            var missionData = await db.Instances.AsNoTracking().Where(i => i.Id == mission.InstanceId).Select(i => i.DataJson).SingleAsync();
            var items = await (from r in db.Recommendations.AsNoTracking()
                               join i in db.Instances.AsNoTracking() on r.InstanceId equals i.Id
                               where r.MissionId == id
                               orderby r.Number
                               select new TemplateItem(r.Id, i.Id, r.Number, r.AgencyId, i.DataJson)).ToListAsync();
            result.Add(new Template(id, mission.InstanceId, mission.Code, missionData, items));
        }
        TemplateFollowUps = result.Sum(t => t.Items.Count);
        TemplateTimers = await db.Timers.CountAsync();
        return result;
    }

    private IReadOnlyList<ScheduledTimer> TimersOf(DateOnly deadline)
    {
        if (!_timersOf.TryGetValue(deadline, out var timers))
            _timersOf[deadline] = timers = _scheduler.Desired(followUp, "issued", new Dictionary<string, string> { ["deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return timers;
    }

    /// <summary>Picks each follow-up's deadline and counts the rows, so that the timer rows total exactly <c>--stored</c>.</summary>
    private void Plan(List<Template> templates)
    {
        // Deadlines that put exactly one timer at the measured instant (one or more per rung), and deadlines that put none.
        var dueDeadlines = new List<(DateOnly Deadline, ScheduledTimer Timer)>();
        var otherDeadlines = new List<DateOnly>();
        for (var d = Day.AddDays(-90); d <= Day.AddDays(420); d = d.AddDays(1))
        {
            var at = TimersOf(d).Where(t => t.DueAt == DueInstant).ToList();
            if (at.Count == 1)
                dueDeadlines.Add((d, at[0]));
            else if (at.Count == 0 && d >= Day.AddDays(-60))
                otherDeadlines.Add(d);
        }
        if (TimersOf(Day).Count != Rungs || dueDeadlines.Select(x => x.Timer.TimerId).Distinct().Count() != Rungs)
            throw new InvalidOperationException($"recommendation-followup v{followUp.Version} does not put each of its {Rungs} timers due at the measured instant for some deadline.");
        // Round-robin over the rungs, then over the deadlines of each rung.
        var byRung = dueDeadlines.GroupBy(x => x.Timer.TimerId).Select(g => g.ToList()).ToList();

        var budget = (long)options.Stored - TemplateTimers;
        if (budget < options.Due * (long)Rungs)
            throw new ArgumentException($"--stored {options.Stored} leaves room for fewer than --due {options.Due} follow-ups of {Rungs} timers");
        for (var i = 0; budget > 0; i++)
        {
            var mission = i / RecommendationsPerMission;
            var template = templates[mission % templates.Count];
            var item = template.Items[i % RecommendationsPerMission];
            DateOnly deadline;
            TimerDefinition? due = null;
            if (i < options.Due)
            {
                var rung = byRung[mission % byRung.Count];
                var pick = rung[mission / byRung.Count % rung.Count];
                deadline = pick.Deadline;
                due = followUp.TimerList.Single(t => t.Id == pick.Timer.TimerId);
            }
            else
                deadline = otherDeadlines[(int)((mission * 7919L + i % RecommendationsPerMission) % otherDeadlines.Count)];

            if (budget < Rungs)
            {
                // The few rows left over: history of the last follow-up's first deadline.
                var last = FollowUps[^1];
                FollowUps[^1] = last with { CancelledTimers = last.CancelledTimers + (int)budget };
                budget = 0;
                break;
            }
            // Every tenth was extended, unless its history would crowd out the due follow-ups still to come.
            var reserve = 7L * Math.Max(0, options.Due - i - 1);
            var extended = i % 10 == 9 && budget - Rungs - reserve > 0;
            var cancelled = extended ? (int)Math.Min(Rungs, budget - Rungs - reserve) : 0;
            var live = TimersOf(deadline);
            var level = live.Where(t => t.DueAt < DueInstant).Select(t => t.Level ?? 0).DefaultIfEmpty(0).Max();
            FollowUps.Add(new PlannedFollowUp(Guid.CreateVersion7(), Guid.CreateVersion7(), mission, item.Number, item.AgencyId, deadline,
                extended ? deadline.AddDays(-14) : deadline, level, due, live.Count, cancelled));
            budget -= Rungs + cancelled;
        }
        Missions = FollowUps[^1].Mission + 1;
        BulkTimers = FollowUps.Sum(f => f.LiveTimers + f.CancelledTimers);
        foreach (var f in FollowUps)
        {
            var fired = TimersOf(f.Deadline).Count(t => t.DueAt < DueInstant);
            FiredTimers += fired;
            PendingTimers += f.LiveTimers - fired;
            CancelledTimers += f.CancelledTimers;
        }
    }

    private static string Code(int mission) => $"GS-BENCH-{mission + 1:D5}";

    /// <summary>The template's instance data with this clone's mission code and deadline.</summary>
    private static string Data(string templateJson, Template template, int mission, DateOnly? deadline)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(templateJson)!;
        foreach (var key in data.Keys.ToList())
            if (data[key] == template.Code)
                data[key] = Code(mission);
        if (deadline is { } d)
            data["deadline"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(data);
    }

    private async Task CloneAsync(RowCloner rows, List<Template> templates)
    {
        var missionInstances = Enumerable.Range(0, Missions).Select(_ => Guid.CreateVersion7()).ToArray();
        var missionIds = Enumerable.Range(0, Missions).Select(_ => Guid.CreateVersion7()).ToArray();
        Template TemplateOf(int mission) => templates[mission % templates.Count];

        await rows.CloneAsync("WorkflowInstances", ["Id", "DataJson"], Enumerable.Range(0, Missions).Select(m =>
            new object[] { rows.Id(TemplateOf(m).InstanceId), rows.Id(missionInstances[m]), Data(TemplateOf(m).InstanceData, TemplateOf(m), m, null) }));
        await rows.CloneAsync("Missions", ["Id", "Code", "InstanceId"], Enumerable.Range(0, Missions).Select(m =>
            new object[] { rows.Id(TemplateOf(m).MissionId), rows.Id(missionIds[m]), Code(m), rows.Id(missionInstances[m]) }));
        await rows.CloneAsync("WorkflowInstances", ["Id", "DataJson"], FollowUps.Select(f =>
        {
            var template = TemplateOf(f.Mission);
            var item = template.Items[f.Number - 1];
            return new object[] { rows.Id(item.InstanceId), rows.Id(f.InstanceId), Data(item.InstanceData, template, f.Mission, f.Deadline) };
        }));
        await rows.CloneAsync("Recommendations", ["Id", "MissionId", "OriginalDeadline", "Deadline", "EscalationLevel", "InstanceId"], FollowUps.Select(f =>
            new object[]
            {
                rows.Id(TemplateOf(f.Mission).Items[f.Number - 1].RecommendationId), rows.Id(f.RecommendationId), rows.Id(missionIds[f.Mission]),
                rows.Date(f.OriginalDeadline), rows.Date(f.Deadline), f.EscalationLevel, rows.Id(f.InstanceId),
            }));
    }

    /// <summary>One follow-up's timer rows: its live timers (Fired before the measured instant, Pending from it), then its cancelled history.</summary>
    private IEnumerable<(Guid Instance, ScheduledTimer Timer, string Status, DateTimeOffset? FiredAt)> TimerRows()
    {
        foreach (var f in FollowUps)
        {
            foreach (var t in TimersOf(f.Deadline))
                yield return t.DueAt < DueInstant ? (f.InstanceId, t, "Fired", t.DueAt) : (f.InstanceId, t, "Pending", null);
            var first = TimersOf(f.Deadline.AddDays(-14));
            for (var k = 0; k < f.CancelledTimers; k++)
                yield return (f.InstanceId, first[k % first.Count], "Cancelled", null);
        }
    }

    private Task InsertTimersAsync(RowCloner rows) =>
        rows.InsertAsync("WorkflowTimers", ["InstanceId", "TimerId", "DueAt", "Kind", "Level", "Status", "FiredAt"], TimerRows().Select(r => new[]
        {
            rows.Id(r.Instance), r.Timer.TimerId, rows.Instant(r.Timer.DueAt), r.Timer.Kind.ToString(), (object?)r.Timer.Level ?? DBNull.Value,
            r.Status, r.FiredAt is { } at ? rows.Instant(at) : DBNull.Value,
        }));

    private async Task CopyTimersAsync(Npgsql.NpgsqlConnection connection)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "WorkflowTimers" ("InstanceId", "TimerId", "DueAt", "Kind", "Level", "Status", "FiredAt") FROM STDIN (FORMAT BINARY)""");
        foreach (var (instance, timer, status, firedAt) in TimerRows())
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(instance, NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(timer.TimerId, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(timer.DueAt.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(timer.Kind.ToString(), NpgsqlTypes.NpgsqlDbType.Varchar);
            if (timer.Level is { } level)
                await writer.WriteAsync(level, NpgsqlTypes.NpgsqlDbType.Integer);
            else
                await writer.WriteNullAsync();
            await writer.WriteAsync(status, NpgsqlTypes.NpgsqlDbType.Varchar);
            if (firedAt is { } at)
                await writer.WriteAsync(at.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz);
            else
                await writer.WriteNullAsync();
        }
        await writer.CompleteAsync();
    }

    /// <summary>
    /// Plain ADO.NET writes in the app's column formats: on SQLite, Guids as upper-case text, dates as
    /// yyyy-MM-dd, instants as EF's DateTimeOffsetToBinaryConverter longs (the app's SQLite convention).
    /// </summary>
    private sealed class RowCloner(DbConnection connection, DbTransaction transaction, bool sqlite)
    {
        private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter Binary = new();

        public object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        public object Date(DateOnly date) => sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
        public object Instant(DateTimeOffset at) => sqlite ? Binary.ConvertToProvider(at)! : at.ToUniversalTime();

        /// <summary>
        /// Copies rows of <paramref name="table"/>: each row is a template's Id, then the values of
        /// <paramref name="overrides"/>; every other column is the template row's. Many rows per statement:
        /// INSERT ... SELECT ... FROM (VALUES ...) JOIN the template rows.
        /// </summary>
        public async Task CloneAsync(string table, string[] overrides, IEnumerable<object[]> rows)
        {
            var columns = await ColumnsAsync(table);
            var select = string.Join(", ", columns.Select(c => Array.IndexOf(overrides, c) is var k and >= 0 ? $"v.column{k + 2}" : $"tpl.\"{c}\""));
            string Sql(int count) =>
                $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {select} FROM (VALUES {Values(count, overrides.Length + 1)}) AS v " +
                $"JOIN \"{table}\" AS tpl ON tpl.\"Id\" = v.column1";
            await WriteAsync(rows, overrides.Length + 1, Sql);
        }

        public Task InsertAsync(string table, string[] columns, IEnumerable<object[]> rows) =>
            WriteAsync(rows, columns.Length, count => $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {Values(count, columns.Length)}");

        private async Task WriteAsync(IEnumerable<object[]> rows, int width, Func<int, string> sql)
        {
            DbCommand? full = null;
            var batch = new List<object[]>(RowsPerInsert);
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == RowsPerInsert)
                {
                    full ??= Command(sql(RowsPerInsert), RowsPerInsert * width);
                    await RunAsync(full, batch);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
            {
                await using var rest = Command(sql(batch.Count), batch.Count * width);
                await RunAsync(rest, batch);
            }
            if (full is not null)
                await full.DisposeAsync();
        }

        private static async Task RunAsync(DbCommand command, List<object[]> batch)
        {
            var p = 0;
            foreach (var row in batch)
                foreach (var value in row)
                    command.Parameters[p++].Value = value;
            if (await command.ExecuteNonQueryAsync() != batch.Count)
                throw new InvalidOperationException($"Bulk load: a statement wrote fewer than its {batch.Count} rows (a template row missing?).");
        }

        private DbCommand Command(string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = 600;
            for (var i = 0; i < parameters; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }
            return command;
        }

        private static string Values(int rows, int width) =>
            string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"@p{r * width + c}")) + ")"));

        private async Task<List<string>> ColumnsAsync(string table)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            await using var reader = await command.ExecuteReaderAsync();
            return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        }
    }
}
