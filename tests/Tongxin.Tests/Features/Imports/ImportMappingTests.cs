using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Figures;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// Words offices write for dictionary items: aliases matched at import, unknown words listed by the dry run with
/// suggestions, mapped at the commit and remembered for the importer's region (as city staff, 泸州市 510500).
/// Each test uses its own words, so remembered mappings of one test do not place another's.
/// </summary>
public abstract class ImportMappingTests(TestApp app)
{
    private static readonly object?[] Header = ["姓名", "身份证号", "学历", "类别", "平台", "账号"];

    private static object?[] Person(string name, object? category = null, object? platform = null, object? education = null, object? id = null) =>
        [name, id ?? IdNumber(), education, category, platform, platform is null ? null : Unique("h")];

    private static byte[] Sheet(params object?[][] rows) => new WorkbookBuilder().Row(Header).Rows(rows).Build();

    private Task<Figure?> Find(string name) =>
        app.WithDb((db, _) => db.Figures.Include(f => f.Accounts).FirstOrDefaultAsync(f => f.Name == name));

    private static async Task<HttpResponseMessage> Upload(ApiClient client, byte[] file, string mode, object? mappings)
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", "人士.xlsx");
        if (mappings is not null) content.Add(new StringContent(mappings as string ?? System.Text.Json.JsonSerializer.Serialize(mappings)), "mappings");
        return await client.Send(HttpMethod.Post, $"/api/figures/import?mode={mode}", null, content);
    }

    private static async Task<JsonNode> Run(ApiClient client, byte[] file, string mode, object? mappings = null) =>
        await ApiClient.ReadJson(await Upload(client, file, mode, mappings), HttpStatusCode.OK);

    private static JsonArray Unknown(JsonNode report) => report["unknownValues"]!.AsArray();

    [Fact]
    public async Task Aliases_match_at_import_ignoring_case_and_width()
    {
        var names = new[] { Name(), Name(), Name() };
        var file = Sheet(Person(names[0], "网红", "公众号", "本科"), Person(names[1], "网络红人", "ｂ站"), Person(names[2], "大v", "抖音号"));
        var client = await app.As("staff_city");
        var dry = await Run(client, file, "dryRun");
        Assert.Empty(Errors(dry));
        Assert.Empty(Unknown(dry));
        var report = await Run(client, file, "commit");
        Assert.True(report["committed"]!.GetValue<bool>());
        var first = (await Find(names[0]))!;
        Assert.Equal(("bigv", "bachelor"), (first.Category, first.Education));
        Assert.Equal("wechat-mp", first.Accounts.Single().Platform);
        Assert.Equal("bilibili", (await Find(names[1]))!.Accounts.Single().Platform);
        Assert.Equal(("bigv", "douyin"), ((await Find(names[2]))!.Category, (await Find(names[2]))!.Accounts.Single().Platform));
    }

    [Fact]
    public async Task Dry_run_lists_unknown_values_with_suggestions_apart_from_row_errors()
    {
        var word = "网红达人" + Unique("");
        var platform = "快手号" + Unique("");
        var file = Sheet(
            Person(Name(), word, platform),          // row 2: only unknown words
            Person(Name(), word, null, null, "123"),  // row 3: unknown word and a bad ID number
            Person(Name(), "主播", "斗音"),           // row 4: a word that reads like 抖音
            Person(Name(), "主播"));                  // row 5: fine
        var report = await Run(await app.As("staff_city"), file, "dryRun");

        var errors = Errors(report);
        Assert.Equal([3], errors.Select(e => e.Row));
        Assert.All(errors, e => Assert.Equal("身份证号", e.Column));
        Assert.Equal(1, report["errorCount"]!.GetValue<int>());
        Assert.Equal(2, report["rowsNeedingMapping"]!.GetValue<int>());
        Assert.Equal(1, report["created"]!.GetValue<int>());

        var unknown = Unknown(report);
        var category = unknown.Single(u => u!["value"]!.GetValue<string>() == word)!;
        Assert.Equal("类别", category["column"]!.GetValue<string>());
        Assert.Equal("category", category["type"]!.GetValue<string>());
        Assert.Equal([2, 3], category["rows"]!.AsArray().Select(r => r!.GetValue<int>()));
        Assert.Equal(2, category["rowCount"]!.GetValue<int>());
        Assert.Equal("bigv", category["suggestions"]![0]!.GetValue<string>());
        var byLabel = unknown.Single(u => u!["value"]!.GetValue<string>() == platform)!;
        Assert.Equal("平台", byLabel["column"]!.GetValue<string>());
        Assert.Equal("kuaishou", byLabel["suggestions"]![0]!.GetValue<string>());
        var byPinyin = unknown.Single(u => u!["value"]!.GetValue<string>() == "斗音")!;
        Assert.Contains("douyin", byPinyin["suggestions"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Unmapped_value_at_commit_is_a_row_error_and_nothing_is_written()
    {
        var word = "网红" + Unique("");
        var names = new[] { Name(), Name() };
        var file = Sheet(Person(names[0], "主播"), Person(names[1], word));
        var report = await Run(await app.As("staff_city"), file, "commit");
        Assert.False(report["committed"]!.GetValue<bool>());
        var error = Assert.Single(Errors(report));
        Assert.Equal((3, "类别"), (error.Row, error.Column));
        Assert.Contains("不在字典中", error.Message);
        Assert.Single(Unknown(report));
        Assert.Null(await Find(names[0]));
        Assert.Null(await Find(names[1]));
    }

    [Fact]
    public async Task Commit_with_mappings_imports_and_remembers_them_for_the_region_only()
    {
        var word = "网络大咖" + Unique("");
        var platform = "小快" + Unique("");
        var name = Name();
        var file = Sheet(Person(name, word, platform));
        var city = await app.As("staff_city");

        var report = await Run(city, file, "commit", new Dictionary<string, Dictionary<string, string>>
        {
            ["类别"] = new() { [word] = "bigv" },
            ["平台"] = new() { [platform] = "kuaishou" },
        });
        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        var figure = (await Find(name))!;
        Assert.Equal("bigv", figure.Category);
        Assert.Equal("kuaishou", figure.Accounts.Single().Platform);

        var list = (await city.GetJson("/api/import-mappings")).AsArray();
        var remembered = list.Where(m => m!["value"]!.GetValue<string>() is var v && (v == word || v == platform)).ToList();
        Assert.Equal(2, remembered.Count);
        Assert.Contains(remembered, m => m!["code"]!.GetValue<string>() == "bigv" && m["codeLabel"]!.GetValue<string>() == "网络大V"
            && m["regionCode"]!.GetValue<string>() == "510500");

        // The next sheet from the same office, with width and case changed, maps by itself.
        var again = Sheet(Person(Name(), word.ToUpperInvariant(), platform));
        var dry = await Run(city, again, "dryRun");
        Assert.Empty(Unknown(dry));
        Assert.Empty(Errors(dry));
        Assert.Equal(1, dry["created"]!.GetValue<int>());

        // Another district neither sees nor uses them, nor can delete them.
        var district = await app.As("staff_jy");
        Assert.DoesNotContain((await district.GetJson("/api/import-mappings")).AsArray(), m => m!["value"]!.GetValue<string>() == word);
        Assert.Equal(2, Unknown(await Run(district, again, "dryRun")).Count);
        var id = remembered[0]!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await district.DeleteAsync($"/api/import-mappings/{id}")).StatusCode);

        // Deleting one is audited, and the word is unknown again.
        Assert.Equal(HttpStatusCode.NoContent, (await city.DeleteAsync($"/api/import-mappings/{id}")).StatusCode);
        Assert.DoesNotContain((await city.GetJson("/api/import-mappings")).AsArray(), m => m!["id"]!.GetValue<long>() == id);
        Assert.True(await app.WithDb((db, _) => db.AuditEntries.AnyAsync(a => a.EntityType == "ImportMapping" && a.EntityId == id.ToString() && a.Action == "delete")));
        Assert.Single(Unknown(await Run(city, again, "dryRun")));
    }

    [Fact]
    public async Task Mappings_to_a_code_that_does_not_exist_or_a_column_without_dictionary_are_400()
    {
        var word = "网红" + Unique("");
        var file = Sheet(Person(Name(), word));
        var city = await app.As("staff_city");
        foreach (var mappings in new object[]
                 {
                     new Dictionary<string, Dictionary<string, string>> { ["类别"] = new() { [word] = "no-such-code" } },
                     new Dictionary<string, Dictionary<string, string>> { ["姓名"] = new() { [word] = "bigv" } },
                     "{not json",
                 })
        {
            var response = await Upload(city, file, "commit", mappings);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await ApiClient.ReadJson(response, HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["mappings"]);
        }
        Assert.DoesNotContain((await city.GetJson("/api/import-mappings")).AsArray(), m => m!["value"]!.GetValue<string>() == word);
    }

    [Fact]
    public async Task An_alias_added_on_the_dictionary_places_the_word_and_a_shared_word_is_refused()
    {
        var word = "头部网红" + Unique("");
        var admin = await app.As("admin_city");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await app.As("staff_city")).PostAsync("/api/dictionaries/category/items/bigv/aliases", new { alias = word })).StatusCode);
        var added = await ApiClient.ReadJson(await admin.PostAsync("/api/dictionaries/category/items/bigv/aliases", new { alias = word }));
        Assert.Contains(word, added["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        // The same word for another item is refused, in the alias endpoint and in the list editor.
        var clash = await admin.PostAsync("/api/dictionaries/category/items/anchor/aliases", new { alias = word });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var groups = (await admin.GetJson("/api/dictionaries")).AsArray();
        var items = groups.Single(g => g!["type"]!.GetValue<string>() == "category")!["items"]!.AsArray()
            .Select(i => new
            {
                code = i!["code"]!.GetValue<string>(),
                label = i["label"]!.GetValue<string>(),
                sortOrder = i["sortOrder"]!.GetValue<int>(),
                isEnabled = i["isEnabled"]!.GetValue<bool>(),
                aliases = i["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).Concat(i["code"]!.GetValue<string>() == "anchor" ? ["网红"] : []).ToList(),
            }).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/api/dictionaries/category", new { items })).StatusCode);

        var name = Name();
        var report = await Run(await app.As("staff_city"), Sheet(Person(name, word)), "commit");
        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal("bigv", (await Find(name))!.Category);
    }

    [Fact]
    public async Task The_template_has_text_formatted_id_and_phone_columns_and_standard_part_names()
    {
        var response = await (await app.As("staff_city")).GetAsync("/api/figures/import/template");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml" })
            Assert.Contains(part, names);
        string Read(string path) => new StreamReader(zip.GetEntry(path)!.Open()).ReadToEnd();
        Assert.Contains("numFmtId=\"49\"", Read("xl/styles.xml"));
        var sheet = Read("xl/worksheets/sheet1.xml");
        // 身份证号 is column G, 手机 column H in the template: both columns carry the text style.
        Assert.Contains("<col min=\"7\" max=\"7\" width=\"22\" customWidth=\"1\" style=\"1\"/>", sheet);
        Assert.Contains("<col min=\"8\" max=\"8\" width=\"22\" customWidth=\"1\" style=\"1\"/>", sheet);
        Assert.Contains("<c r=\"H2\" s=\"1\" t=\"s\">", sheet);
    }
}

public sealed class ImportMappingTestsOnSqlite(SqliteApp app) : ImportMappingTests(app), IClassFixture<SqliteApp>;
public sealed class ImportMappingTestsOnPostgres(PostgresApp app) : ImportMappingTests(app), IClassFixture<PostgresApp>;
