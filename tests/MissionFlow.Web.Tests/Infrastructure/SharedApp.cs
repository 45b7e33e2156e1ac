namespace MissionFlow.Web.Tests.Infrastructure;

/// <summary>
/// One demo host on SQLite for every test of a class (a class fixture): for tests that each make their own missions
/// and so need no fresh database, the host and its migrations are paid once.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public MissionFlowApp App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
