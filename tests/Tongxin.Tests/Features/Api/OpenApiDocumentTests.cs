using System.Text.Json;
using System.Text.Json.Nodes;
using Tongxin.Tests.Features.Model;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Api;

/// <summary>
/// The front end's types are generated from web/openapi.json; this keeps that file equal to what the
/// server documents (UPDATE_OPENAPI=1, via scripts/gen-api.sh, rewrites it).
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string CommittedPath => Path.Combine(ModelTests.FindSource(), "..", "..", "web", "openapi.json");

    private async Task<JsonNode> ServerDocument()
    {
        var text = await app.Anonymous().Http.GetStringAsync("/openapi/v1.json");
        var doc = JsonNode.Parse(text)!;
        doc["servers"] = new JsonArray(); // the test host's address is not part of the contract
        return doc;
    }

    [Fact]
    public async Task Committed_document_matches_the_server()
    {
        var doc = await ServerDocument();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(CommittedPath, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;
        Assert.True(JsonNode.DeepEquals(doc, committed), "web/openapi.json is stale: run scripts/gen-api.sh");
    }

    [Fact]
    public async Task Numbers_are_plain_numbers_not_number_or_string()
    {
        var text = (await ServerDocument()).ToJsonString();
        Assert.DoesNotContain("\"pattern\":\"^-?(?:0|[1-9]\\\\d*)$\"", text);
        Assert.DoesNotContain("[\"integer\",\"string\"]", text.Replace(" ", ""));
    }

    [Fact]
    public async Task Stable_integrator_routes_are_documented()
    {
        var paths = (await ServerDocument())["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var route in new[] { "/health", "/api/auth/login", "/api/auth/change-password", "/api/me", "/api/regions", "/api/users", "/api/figures", "/api/figures/{id}" })
            Assert.Contains(route, paths);
    }
}
