using MissionFlow.Core.Documents;
using MissionFlow.Core.Idempotency;

namespace MissionFlow.Web.Hosting;

/// <summary>Section "MissionFlow" of the configuration; appsettings.example.json documents every key.</summary>
public sealed class MissionFlowOptions
{
    /// <summary>Where the SQLite file, evidence and .eml pickup live; relative paths are from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The workflow definitions; empty means the copy of the repo's workflows/ beside the binaries.</summary>
    public string? WorkflowsDirectory { get; set; }

    /// <summary>The letter templates of the drafts; empty means the copy of the repo's workflows/letters/ beside the binaries.</summary>
    public string? LettersDirectory { get; set; }

    /// <summary>
    /// Seed the reference mission and the demo accounts (published password) on an empty database. Off unless a
    /// start asks for it, on every provider; a start without it disables any demo account it finds.
    /// </summary>
    public bool Demo { get; set; }

    public string DefaultLanguage { get; set; } = "vi";

    public CalendarOptions Calendar { get; set; } = new();

    public Jobs.RemindersOptions Reminders { get; set; } = new();

    /// <summary>The first admin, created at start when no account has its e-mail.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    /// <summary>OpenID Connect sign-in beside the local accounts; off unless an authority is set.</summary>
    public Auth.SingleSignOn.SsoOptions Sso { get; set; } = new();

    /// <summary>Upload limits; the bytes are kept under "files" in the data folder.</summary>
    public FileStoreOptions Files { get; set; } = new();

    /// <summary>
    /// The body of an API command sent as JSON, in bytes; above it the server answers 413 without reading it all.
    /// Requests that carry files have <see cref="FileStoreOptions.MaxRequestBytes"/> instead.
    /// </summary>
    public long MaxCommandBodyBytes { get; set; } = 1024 * 1024;

    public IdempotencyOptions Idempotency { get; set; } = new();

    /// <summary>The scheduled back-up; the `backup` and `restore` commands read it too.</summary>
    public Backup.BackupOptions Backup { get; set; } = new();

    /// <summary>The data folder, a relative <see cref="DataDirectory"/> taken from the content root.</summary>
    public string DataFolderUnder(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);

    public Health.HealthOptions Health { get; set; } = new();

    public Telemetry.TelemetryOptions Telemetry { get; set; } = new();

    public FileStoreOptions FilesIn(string dataDirectory)
    {
        Files.Root = Path.Combine(dataDirectory, "files");
        return Files;
    }
}

/// <summary>The council's time zone and working-day calendar.</summary>
public sealed class CalendarOptions
{
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Local time at which a timer due on a date fires, HH:mm.</summary>
    public string NotifyAt { get; set; } = "08:00";

    /// <summary>Public holidays and days off in lieu, yyyy-MM-dd.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Folder of the per-year calendar files; empty means the copy of the repo's workflows/calendars/ beside the binaries.</summary>
    public string? CalendarsDirectory { get; set; }

    /// <summary>Make-up working days on a weekend (e.g. Saturday 2025-04-26), yyyy-MM-dd.</summary>
    public List<DateOnly> ExtraWorkingDays { get; set; } = [];
}

public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
