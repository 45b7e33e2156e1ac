using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace MissionFlow.Web.Tests.Backup;

/// <summary>Every row of every table of a data folder's SQLite file, and every stored file with its SHA-256.</summary>
public sealed record DataFolderSnapshot(Dictionary<string, HashSet<string>> Rows, Dictionary<string, string> Files)
{
    public static DataFolderSnapshot Of(string dataDirectory)
    {
        var rows = new Dictionary<string, HashSet<string>>();
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "missionflow.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using (var connection = new SqliteConnection(database.ToString()))
        {
            connection.Open();
            foreach (var table in Tables(connection))
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                using var reader = select.ExecuteReader();
                var set = rows[table] = [];
                while (reader.Read())
                    set.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        var files = new Dictionary<string, string>();
        foreach (var folder in new[] { "files", "keys" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(dataDirectory, folder), "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(dataDirectory, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return new DataFolderSnapshot(rows, files);
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var list = connection.CreateCommand();
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        using var reader = list.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
            tables.Add(reader.GetString(0));
        return tables;
    }
}
