using MimeKit;

namespace MissionFlow.Core.Notifications;

/// <summary>
/// The emails of one delivery run, each written when first asked for, so the next can be written while the relay
/// reads the current one: on a reused connection the relay's reply is most of what an email waits for, and
/// writing meanwhile took about a tenth off each email's time (bench/, mail). An email that cannot be written (a
/// malformed address) is a faulted task, so its error surfaces with its own group, not the one being sent.
/// </summary>
internal sealed class EmailDrafts(List<List<OutboxMessage>> groups, Func<List<OutboxMessage>, MimeMessage> write)
{
    private readonly Task<MimeMessage>?[] _written = new Task<MimeMessage>?[groups.Count];

    /// <summary>Group <paramref name="index"/>'s email, written now unless it already was; the run keeps no sent email.</summary>
    public Task<MimeMessage> Take(int index)
    {
        var email = _written[index] ?? Write(index);
        _written[index] = null;
        return email;
    }

    /// <summary>Writes group <paramref name="index"/>'s email ahead of its turn, if there is such a group.</summary>
    public void WriteAhead(int index)
    {
        if (index < _written.Length)
            _written[index] ??= Write(index);
    }

    private Task<MimeMessage> Write(int index)
    {
        try
        {
            return Task.FromResult(write(groups[index]));
        }
        catch (Exception e)
        {
            return Task.FromException<MimeMessage>(e);
        }
    }
}
