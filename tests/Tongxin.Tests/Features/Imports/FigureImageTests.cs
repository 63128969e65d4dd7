using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// The before-image that undo restores is what the change tracker saw modified, whatever the field: plain,
/// list-valued, date-valued or sensitive (its encrypted, hashed and masked columns).
/// </summary>
public abstract class FigureImageTests(TestApp app)
{
    [Fact]
    public async Task Captures_the_changed_fields_and_restores_them()
    {
        var id = await app.CreateFigure("staff_city", new
        {
            name = ImportKit.Name(),
            regionCode = "510502",
            workplace = "原单位",
            tags = new[] { "甲" },
            idNumber = ImportKit.IdNumber(),
            enrolledOn = "2020-03-04",
        });
        var before = await app.WithDb((db, _) => db.Figures.AsNoTracking().FirstAsync(f => f.Id == id));

        var image = await app.WithDb(async (db, sp) =>
        {
            var figure = await db.Figures.FirstAsync(f => f.Id == id);
            var input = new FigureInput
            {
                Workplace = "新单位",
                Tags = ["乙"],
                IdNumber = ImportKit.IdNumber(),
                EnrolledOn = "2021-05-06",
            };
            var valid = new FigureRules(new DictionaryCodes(db)).Validate(input, new Dictionary<string, string[]>(), nameRequired: false);
            FigureRules.Apply(figure, valid, sp.GetRequiredService<FieldProtector>(), replace: false);
            db.ChangeTracker.DetectChanges();
            var json = FigureImage.Capture(db.Entry(figure));
            await db.SaveChangesAsync();
            return json;
        });
        var kept = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(image)!;
        Assert.Equal("原单位", kept["Workplace"].GetString());
        Assert.Equal(before.IdNumberCipher, kept["IdNumberCipher"].GetString());
        Assert.False(kept.ContainsKey("Name")); // unchanged fields are not kept

        await app.WithDb(async (db, _) =>
        {
            var figure = await db.Figures.FirstAsync(f => f.Id == id);
            Assert.Equal("新单位", figure.Workplace);
            FigureImage.Restore(db.Entry(figure), image);
            return await db.SaveChangesAsync();
        });
        var after = await app.WithDb((db, _) => db.Figures.AsNoTracking().FirstAsync(f => f.Id == id));
        Assert.Equal(("原单位", "甲", before.EnrolledOn), (after.Workplace, string.Join("、", after.Tags), after.EnrolledOn));
        Assert.Equal((before.IdNumberCipher, before.IdNumberHash, before.IdNumberMasked),
            (after.IdNumberCipher, after.IdNumberHash, after.IdNumberMasked));
    }

    [Fact]
    public async Task Restores_a_full_image_as_earlier_imports_stored_it()
    {
        var name = ImportKit.Name();
        var id = await app.CreateFigure("staff_city", new { name, regionCode = "510502", workplace = "新单位" });
        var legacy = $$"""
            {"Name":"{{name}}","Gender":null,"BirthDate":null,"Ethnicity":null,"PoliticalAffiliation":null,"Education":null,
             "IdNumberCipher":null,"IdNumberHash":null,"IdNumberMasked":null,"PhoneCipher":null,"PhoneHash":null,"PhoneMasked":null,
             "Email":null,"WeChat":null,"RegionCode":"510502","Workplace":"原单位","JobTitle":null,"Category":null,"Fields":null,
             "Tags":["甲","乙"],"KeyLevel":null,"Source":null,"RecommendedBy":null,"EnrolledOn":"2019-01-02","Notes":null,"MaxFollowers":0}
            """;
        await app.WithDb(async (db, _) =>
        {
            var figure = await db.Figures.FirstAsync(f => f.Id == id);
            FigureImage.Restore(db.Entry(figure), legacy);
            return await db.SaveChangesAsync();
        });
        var after = await app.WithDb((db, _) => db.Figures.AsNoTracking().FirstAsync(f => f.Id == id));
        Assert.Equal(("原单位", "甲、乙", new DateOnly(2019, 1, 2)),
            (after.Workplace, string.Join("、", after.Tags), after.EnrolledOn));
    }
}

public sealed class FigureImageTestsOnSqlite(SqliteApp app) : FigureImageTests(app), IClassFixture<SqliteApp>;
public sealed class FigureImageTestsOnPostgres(PostgresApp app) : FigureImageTests(app), IClassFixture<PostgresApp>;
