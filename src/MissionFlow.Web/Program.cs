using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using MissionFlow.Core;
using MissionFlow.Core.Common;
using MissionFlow.Core.Drafts;
using MissionFlow.Core.People;
using MissionFlow.Core.Persistence;
using MissionFlow.Core.Workflows;
using MissionFlow.Web.Agencies;
using MissionFlow.Web.Auth;
using MissionFlow.Web.Auth.SingleSignOn;
using MissionFlow.Web.Backup;
using MissionFlow.Web.Calendar;
using MissionFlow.Web.Drafts;
using MissionFlow.Web.Health;
using MissionFlow.Web.Hosting;
using MissionFlow.Web.Idempotency;
using MissionFlow.Web.Jobs;
using MissionFlow.Web.Missions;
using MissionFlow.Web.Notifications;
using MissionFlow.Web.People;
using MissionFlow.Web.OfficeTasks;
using MissionFlow.Web.Recommendations;
using MissionFlow.Web.Telemetry;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Diagrams;
using MissionFlow.Web.Workflows;

if (args is [ValidateCommand.Name, ..])
    return ValidateCommand.Run(args);
if (BackupCommands.Handles(args))
    return BackupCommands.Run(args);

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection("MissionFlow").Get<MissionFlowOptions>() ?? new MissionFlowOptions();
var database = builder.Configuration.GetSection("MissionFlow:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
var dataDirectory = options.DataFolderUnder(builder.Environment.ContentRootPath);

// A bad definition stops start-up here, before a port is opened or a row is written.
var definitions = WorkflowFolder.LoadOrReport(WorkflowFolder.Resolve(options.WorkflowsDirectory, builder.Environment.ContentRootPath), Console.Error);
var letters = LetterStartup.LoadOrReport(LetterStartup.Resolve(options.LettersDirectory, builder.Environment.ContentRootPath), Console.Error);
if (definitions is null || letters is null)
    return 1;

builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
try
{
    builder.Services.AddMissionFlowSecurity(options.Security);
    builder.Services.AddMissionFlowSso(options.Sso);
    builder.Services.AddMissionFlowDatabase(database, dataDirectory);
    builder.Services.AddMissionFlowCore(CouncilCalendar.ClockFrom(options.Calendar), options.FilesIn(dataDirectory), options.Idempotency);
    builder.Services.AddMissionFlowJobs(options, database, dataDirectory);
    builder.Services.AddMissionFlowBackup(options, database, dataDirectory, builder.Environment.ContentRootPath);
    builder.Services.AddMissionFlowHealth(options.Health);
    builder.Services.AddMissionFlowTelemetry(options.Telemetry);
    builder.Services.AddMissionFlowDrafts(letters, builder.Configuration.GetSection("MissionFlow:Council").Get<CouncilIdentity>() ?? new CouncilIdentity());
}
catch (SettingException bad)
{
    return Refuse(bad);
}
DataFolder.Secure(dataDirectory, database);

builder.Services.AddIdentityApiEndpoints<AppUser>(identity =>
    {
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        identity.User.RequireUniqueEmail = true;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<MissionFlowDbContext>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddMissionFlowAccountRules();
Policies.Add(builder.Services.AddAuthorizationBuilder());

builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
builder.Services.AddScoped<MissionViewBuilder>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddOpenApi();
builder.Services.AddMissionFlowUi();

var app = builder.Build();

try
{
    await DatabaseStartup.PrepareAsync(app.Services, definitions, options.Demo, options.BootstrapAdmin);
}
catch (DefinitionChangedException changed)
{
    Console.Error.WriteLine("MissionFlow: a published workflow changed without a new version; nothing was started.");
    foreach (var error in changed.Errors)
        Console.Error.WriteLine($"  {error}");
    return 1;
}
catch (SettingException bad)
{
    return Refuse(bad);
}

app.UseMissionFlowSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMissionFlowUi();
app.UseRateLimiter();
app.UseAuthentication();
app.UseBearerStampCheck();
app.UseAuthorization();
app.UseIdempotencyBuffering();

app.MapOpenApi();
app.MapApiReference();
app.MapHealth();
app.MapMissionFlowTelemetry(options.Telemetry);
app.MapAuth();

var api = app.MapGroup("/api").RequireAuthorization(Policies.Member).AddEndpointFilter<BearerOnlyCommands>().LimitCommandBodies(options)
    .ProducesProblem(StatusCodes.Status400BadRequest)
    .ProducesProblem(StatusCodes.Status403Forbidden)
    .ProducesProblem(StatusCodes.Status404NotFound)
    .ProducesProblem(StatusCodes.Status409Conflict);
api.MapAgencies();
api.MapWorkflows();
api.MapWorkflowDiagrams();
api.MapMissions();
api.MapDrafts();
api.MapMissionDocuments();
api.MapRecommendations();
api.MapPeople();
api.MapMail();
api.MapCalendar();
api.MapOfficeTasks();
app.MapAckLinks();
app.MapMissionFlowJobs();
app.ScheduleBackups();
app.MapMissionFlowUi();

await app.RunAsync();
return 0;

// A setting MissionFlow cannot run with: its message names the setting.
static int Refuse(SettingException bad)
{
    Console.Error.WriteLine($"MissionFlow: {bad.Message} Nothing was started.");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
