using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace MissionFlow.Bench;

/// <summary>
/// Row counts and a content hash of the three workflow tables: after the run the engine's file and the
/// baseline's must agree, which shows the baseline wrote the same number and kind of rows.
/// </summary>
public sealed record RowDigest(long Instances, long RevisionSum, long Journal, long TimersPending, long TimersCancelled, string Hash)
{
    public static RowDigest Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }
        void Hash(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                    sha.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
        }

        Hash("""SELECT "Id", "State", "DataJson", "Revision", "UpdatedAt" FROM "WorkflowInstances" ORDER BY "Id" """);
        Hash("""SELECT "InstanceId", "At", "Actor", "Trigger", "FromState", "ToState", "Comment", "InputJson", "Imported" FROM "WorkflowJournal" ORDER BY "Id" """);
        Hash("""SELECT "InstanceId", "TimerId", "DueAt", "Kind", "Level", "Status", "FiredAt" FROM "WorkflowTimers" ORDER BY "InstanceId", "TimerId", "Status", "DueAt" """);
        return new RowDigest(
            Scalar("""SELECT COUNT(*) FROM "WorkflowInstances" """),
            Scalar("""SELECT COALESCE(SUM("Revision"), 0) FROM "WorkflowInstances" """),
            Scalar("""SELECT COUNT(*) FROM "WorkflowJournal" """),
            Scalar("""SELECT COUNT(*) FROM "WorkflowTimers" WHERE "Status" = 'Pending'"""),
            Scalar("""SELECT COUNT(*) FROM "WorkflowTimers" WHERE "Status" = 'Cancelled'"""),
            Convert.ToHexStringLower(sha.GetHashAndReset())[..16]);
    }
}
