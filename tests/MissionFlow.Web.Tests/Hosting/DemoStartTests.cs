using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MissionFlow.Core.Seeding;

namespace MissionFlow.Web.Tests.Hosting;

/// <summary>Known passwords only when the start asks for them.</summary>
public sealed class DemoStartTests
{
    [Fact]
    public async Task A_start_that_does_not_ask_for_the_demo_has_no_account_that_signs_in_with_the_demo_password()
    {
        await using var app = new MissionFlowApp(demo: false);
        var client = app.CreateClient();

        foreach (var account in DemoAccounts.All)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(client, account.Email, DemoAccounts.Password)).StatusCode);
        var admin = await app.SignInAsync(MissionFlowApp.BootstrapAdmin, MissionFlowApp.BootstrapPassword);
        Assert.Equal([MissionFlowApp.BootstrapAdmin], (await admin.GetJsonAsync("/api/users")).Strings("email"));
    }

    [Fact]
    public async Task A_start_without_the_demo_after_a_demo_start_disables_the_demo_accounts_and_lets_the_bootstrap_admin_in()
    {
        var data = Directory.CreateTempSubdirectory("missionflow-demo-then-not-").FullName;
        try
        {
            string officerToken;
            await using (var demo = new MissionFlowApp(demo: true, dataDirectory: data))
                officerToken = (await (await LogInAsync(demo.CreateClient(), Demo.AgencyOfficer, DemoAccounts.Password)).JsonAsync()).GetProperty("accessToken").GetString()!;

            await using var production = new MissionFlowApp(demo: false, dataDirectory: data);
            await using var host = production.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddFakeLogging()));
            var client = host.CreateClient();

            foreach (var account in DemoAccounts.All)
                Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(client, account.Email, DemoAccounts.Password)).StatusCode);
            // The token the demo start gave stops with the account: its security stamp changed.
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", officerToken);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/recommendations")).StatusCode);

            var warning = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("demo accounts"));
            Assert.All(DemoAccounts.All, account => Assert.Contains(account.Email, warning.Message));

            var admin = CreateBearerClient(host, (await (await LogInAsync(host.CreateClient(), MissionFlowApp.BootstrapAdmin, MissionFlowApp.BootstrapPassword)).JsonAsync()).GetProperty("accessToken").GetString()!);
            var people = await admin.GetJsonAsync("/api/users");
            Assert.All(people.EnumerateArray().Where(p => p.GetProperty("email").GetString() != MissionFlowApp.BootstrapAdmin),
                p => Assert.True(p.GetProperty("disabled").GetBoolean()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_bootstrap_admin_password_the_policy_refuses_stops_start_up_naming_the_setting()
    {
        var data = Directory.CreateTempSubdirectory("missionflow-weak-admin-").FullName;
        try
        {
            var result = await WebProcess.RunAsync("--urls", "http://127.0.0.1:0", "--MissionFlow:DataDirectory", data,
                "--MissionFlow:BootstrapAdmin:Email", "quantri@hdnd.example", "--MissionFlow:BootstrapAdmin:Password", "Admin@2026");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("MissionFlow: MissionFlow:BootstrapAdmin:Password is not accepted: Passwords must be at least 12 characters.", result.Errors);
            Assert.DoesNotContain("   at ", result.Errors);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static HttpClient CreateBearerClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
