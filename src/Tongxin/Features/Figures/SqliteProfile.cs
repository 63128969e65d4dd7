using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>
/// The profile on SQLite as one hand-written statement on the context's connection. EF's split query sends five
/// statements, and Microsoft.Data.Sqlite prepares every command afresh (sqlite3_prepare_v2 was ~60 % of a profile
/// request); here the collections come back as JSON arrays (json_group_array) in the figure's row, so one statement
/// is prepared and stepped. It must return exactly what <see cref="GetFigure.LoadWithEf"/> returns
/// (ProfileSqlAgreementTests); change both together.
/// </summary>
internal static class SqliteProfile
{
    // The region scope is the figure's query filter, on the figure. The filters of its accounts, positions, honours
    // and memberships (their figure's region) and of the region row (its own code) follow from it; the
    // organization's (its own region) does not, and EF's inner join drops a membership of an organization outside
    // the scope, so that condition is repeated. Aggregate ORDER BY (SQLite 3.44+) keeps EF's order.
    private const string Sql = """
        SELECT f."Id", f."Name", f."Gender", f."BirthDate", f."Ethnicity", f."PoliticalAffiliation", f."Education",
            f."IdNumberMasked", f."PhoneMasked", f."HomeAddressMasked", f."Email", f."WeChat", f."RegionCode",
            COALESCE((SELECT r."FullName" FROM "Regions" AS r WHERE r."Code" = f."RegionCode" LIMIT 1), f."RegionCode") AS "RegionName",
            f."Workplace", f."JobTitle", f."Category", f."Fields", f."Tags", f."KeyLevel", f."Source", f."RecommendedBy",
            f."Status", f."StatusReason", f."EnrolledOn", f."ConsentVersion", f."ConsentAt", f."Notes", f."MaxFollowers",
            f."IsDemo", f."CreatedAt", f."UpdatedAt", f."Version",
            (SELECT json_group_array(json_object('id', a."Id", 'platform', a."Platform", 'handle', a."Handle", 'url', a."Url",
                    'followers', a."Followers", 'likes', a."Likes", 'works', a."Works", 'metricsDate', a."MetricsDate",
                    'version', a."Version") ORDER BY a."Followers" DESC, a."Id")
                FROM "PlatformAccounts" AS a WHERE a."FigureId" = f."Id") AS "Accounts",
            (SELECT json_group_array(json_object('id', p."Id", 'kind', p."Kind", 'level', p."Level", 'title', p."Title",
                    'organization', p."Organization", 'termStart', p."TermStart", 'termEnd', p."TermEnd",
                    'version', p."Version") ORDER BY p."Id")
                FROM "Positions" AS p WHERE p."FigureId" = f."Id") AS "Positions",
            (SELECT json_group_array(json_object('id', h."Id", 'title', h."Title", 'level', h."Level",
                    'awardedOn', h."AwardedOn", 'issuer', h."Issuer", 'version', h."Version") ORDER BY h."Id")
                FROM "Honours" AS h WHERE h."FigureId" = f."Id") AS "Honours",
            (SELECT json_group_array(json_object('organizationId', m."OrganizationId", 'name', o."Name", 'type', o."Type",
                    'role', m."Role") ORDER BY m."OrganizationId")
                FROM "OrganizationMembers" AS m INNER JOIN "Organizations" AS o ON o."Id" = m."OrganizationId"
                WHERE m."FigureId" = f."Id" AND o."RegionCode" >= @low AND o."RegionCode" < @high) AS "Organizations"
        FROM "Figures" AS f
        WHERE f."Id" = @id AND f."RegionCode" >= @low AND f."RegionCode" < @high
        """;

    public static async Task<FigureDetail?> LoadAsync(TongxinDb db, long id, CancellationToken ct = default)
    {
        return await ContextConnection.UseAsync(db, async (conn, tx) =>
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = Sql;
            cmd.Transaction = tx;
            Add(cmd, "@id", id);
            Add(cmd, "@low", db.ScopeLow);
            Add(cmd, "@high", db.ScopeHigh);
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }, ct);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        cmd.Parameters.Add(parameter);
    }

    // Each column read by its name with the reader method EF's SQLite mappings use (GetDateTime, GetFieldValue<DateOnly>…),
    // and times marked UTC as the model's converters do, so values and their JSON agree with EF's.
    private static FigureDetail Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(At(r, "Id")),
        Name = r.GetString(At(r, "Name")),
        Gender = Text(r, "Gender"),
        BirthDate = Text(r, "BirthDate"),
        Ethnicity = Text(r, "Ethnicity"),
        PoliticalAffiliation = Text(r, "PoliticalAffiliation"),
        Education = Text(r, "Education"),
        IdNumberMasked = Text(r, "IdNumberMasked"),
        PhoneMasked = Text(r, "PhoneMasked"),
        HomeAddressMasked = Text(r, "HomeAddressMasked"),
        Email = Text(r, "Email"),
        WeChat = Text(r, "WeChat"),
        RegionCode = r.GetString(At(r, "RegionCode")),
        RegionName = r.GetString(At(r, "RegionName")),
        Workplace = Text(r, "Workplace"),
        JobTitle = Text(r, "JobTitle"),
        Category = Text(r, "Category"),
        Fields = Text(r, "Fields"),
        Tags = Tags(r.GetString(At(r, "Tags"))),
        KeyLevel = Text(r, "KeyLevel"),
        Source = Text(r, "Source"),
        RecommendedBy = Text(r, "RecommendedBy"),
        Status = FigureStatusNames.ToApi((FigureStatus)r.GetInt32(At(r, "Status"))),
        StatusReason = Text(r, "StatusReason"),
        EnrolledOn = r.GetFieldValue<DateOnly>(At(r, "EnrolledOn")),
        ConsentVersion = Text(r, "ConsentVersion"),
        ConsentAt = r.IsDBNull(At(r, "ConsentAt")) ? null : Utc(r.GetDateTime(At(r, "ConsentAt"))),
        Notes = Text(r, "Notes"),
        MaxFollowers = r.GetInt64(At(r, "MaxFollowers")),
        IsDemo = r.GetBoolean(At(r, "IsDemo")),
        CreatedAt = Utc(r.GetDateTime(At(r, "CreatedAt"))),
        UpdatedAt = Utc(r.GetDateTime(At(r, "UpdatedAt"))),
        Version = r.GetInt32(At(r, "Version")),
        Accounts = Accounts(Utf8(r, "Accounts")),
        Positions = Positions(Utf8(r, "Positions")),
        Honours = Honours(Utf8(r, "Honours")),
        Organizations = Organizations(Utf8(r, "Organizations")),
    };

    /// <summary>A column by its name in the statement: a column added or moved there cannot shift the others.</summary>
    private static int At(DbDataReader r, string column) => r.GetOrdinal(column);

    private static string? Text(DbDataReader r, string column) => At(r, column) is var i && r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static byte[] Utf8(DbDataReader r, string column) => Encoding.UTF8.GetBytes(r.GetString(At(r, column)));

    /// <summary>The tags column: EF keeps a primitive collection on SQLite as a JSON array of strings.</summary>
    private static List<string> Tags(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var tags = new List<string>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Tags is not a JSON array");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) tags.Add(reader.GetString()!);
        return tags;
    }

    private static List<AccountItem> Accounts(byte[] json)
    {
        var rows = new JsonRows(json);
        var list = new List<AccountItem>();
        while (rows.NextRow())
        {
            long id = 0, followers = 0;
            long? likes = null, works = null;
            string platform = "", handle = "";
            string? url = null;
            DateOnly? metricsDate = null;
            var version = 0;
            while (rows.NextField(out var name))
            {
                if (name.SequenceEqual("id"u8)) id = rows.Int64();
                else if (name.SequenceEqual("platform"u8)) platform = rows.String();
                else if (name.SequenceEqual("handle"u8)) handle = rows.String();
                else if (name.SequenceEqual("url"u8)) url = rows.NullableString();
                else if (name.SequenceEqual("followers"u8)) followers = rows.Int64();
                else if (name.SequenceEqual("likes"u8)) likes = rows.NullableInt64();
                else if (name.SequenceEqual("works"u8)) works = rows.NullableInt64();
                else if (name.SequenceEqual("metricsDate"u8)) metricsDate = rows.NullableDate();
                else if (name.SequenceEqual("version"u8)) version = rows.Int32();
            }
            list.Add(new AccountItem(id, platform, handle, url, followers, likes, works, metricsDate, version));
        }
        return list;
    }

    private static List<PositionItem> Positions(byte[] json)
    {
        var rows = new JsonRows(json);
        var list = new List<PositionItem>();
        while (rows.NextRow())
        {
            long id = 0;
            string kind = "";
            string? level = null, title = null, organization = null, termStart = null, termEnd = null;
            var version = 0;
            while (rows.NextField(out var name))
            {
                if (name.SequenceEqual("id"u8)) id = rows.Int64();
                else if (name.SequenceEqual("kind"u8)) kind = rows.String();
                else if (name.SequenceEqual("level"u8)) level = rows.NullableString();
                else if (name.SequenceEqual("title"u8)) title = rows.NullableString();
                else if (name.SequenceEqual("organization"u8)) organization = rows.NullableString();
                else if (name.SequenceEqual("termStart"u8)) termStart = rows.NullableString();
                else if (name.SequenceEqual("termEnd"u8)) termEnd = rows.NullableString();
                else if (name.SequenceEqual("version"u8)) version = rows.Int32();
            }
            list.Add(new PositionItem(id, kind, level, title, organization, termStart, termEnd, version));
        }
        return list;
    }

    private static List<HonourItem> Honours(byte[] json)
    {
        var rows = new JsonRows(json);
        var list = new List<HonourItem>();
        while (rows.NextRow())
        {
            long id = 0;
            string title = "";
            string? level = null, awardedOn = null, issuer = null;
            var version = 0;
            while (rows.NextField(out var name))
            {
                if (name.SequenceEqual("id"u8)) id = rows.Int64();
                else if (name.SequenceEqual("title"u8)) title = rows.String();
                else if (name.SequenceEqual("level"u8)) level = rows.NullableString();
                else if (name.SequenceEqual("awardedOn"u8)) awardedOn = rows.NullableString();
                else if (name.SequenceEqual("issuer"u8)) issuer = rows.NullableString();
                else if (name.SequenceEqual("version"u8)) version = rows.Int32();
            }
            list.Add(new HonourItem(id, title, level, awardedOn, issuer, version));
        }
        return list;
    }

    private static List<FigureOrganizationItem> Organizations(byte[] json)
    {
        var rows = new JsonRows(json);
        var list = new List<FigureOrganizationItem>();
        while (rows.NextRow())
        {
            long organizationId = 0;
            string orgName = "";
            string? type = null, role = null;
            while (rows.NextField(out var name))
            {
                if (name.SequenceEqual("organizationId"u8)) organizationId = rows.Int64();
                else if (name.SequenceEqual("name"u8)) orgName = rows.String();
                else if (name.SequenceEqual("type"u8)) type = rows.NullableString();
                else if (name.SequenceEqual("role"u8)) role = rows.NullableString();
            }
            list.Add(new FigureOrganizationItem(organizationId, orgName, type, role));
        }
        return list;
    }
}
