using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tongxin.Tests.Infrastructure;

/// <summary>An HTTP client acting like the browser: cookies, and the X-XSRF-TOKEN header from the XSRF-TOKEN cookie.</summary>
public sealed class ApiClient(HttpClient http, CookieContainer cookies)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = http;
    public CookieContainer Cookies { get; } = cookies;
    public bool SendXsrf { get; set; } = true;

    public string? XsrfToken => Cookies.GetCookies(Http.BaseAddress!)["XSRF-TOKEN"]?.Value;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) => Send(HttpMethod.Post, url, body);
    public Task<HttpResponseMessage> PutAsync(string url, object? body) => Send(HttpMethod.Put, url, body);
    public Task<HttpResponseMessage> DeleteAsync(string url) => Send(HttpMethod.Delete, url, null);

    public async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content ?? (body is null ? null : JsonContent.Create(body, options: Json)) };
        if (SendXsrf && XsrfToken is { } token) request.Headers.Add("X-XSRF-TOKEN", token);
        return await Http.SendAsync(request);
    }

    public async Task<JsonNode> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(url);
        return await ReadJson(response, expected);
    }

    public static async Task<JsonNode> ReadJson(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "null" : text)!;
    }

    /// <summary>The names of a list page's items, in the page's order.</summary>
    public static List<string> ItemNames(JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
}
