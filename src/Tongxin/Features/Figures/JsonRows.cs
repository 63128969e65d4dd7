using System.Text.Json;

namespace Tongxin.Features.Figures;

/// <summary>
/// Reads the rows of a SQLite <c>json_group_array(json_object(...))</c> column, field by field, with
/// <see cref="Utf8JsonReader"/>: no intermediate document and no reflection over the target records.
/// </summary>
internal ref struct JsonRows
{
    private Utf8JsonReader _reader;

    public JsonRows(ReadOnlySpan<byte> json)
    {
        _reader = new Utf8JsonReader(json);
        Read();
        // A scalar subquery over no rows gives NULL, which the caller passes as "[]"; anything else is a bug in the SQL.
        if (_reader.TokenType != JsonTokenType.StartArray) throw Unexpected();
    }

    /// <summary>Moves to the next object of the array; false at its end.</summary>
    public bool NextRow()
    {
        Read();
        if (_reader.TokenType == JsonTokenType.EndArray) return false;
        if (_reader.TokenType != JsonTokenType.StartObject) throw Unexpected();
        return true;
    }

    /// <summary>Moves to the next field of the current object and onto its value; false at the object's end.</summary>
    public bool NextField(out ReadOnlySpan<byte> name)
    {
        Read();
        if (_reader.TokenType == JsonTokenType.EndObject) { name = default; return false; }
        if (_reader.TokenType != JsonTokenType.PropertyName) throw Unexpected();
        // Our own keys are plain ASCII (never escaped), so the raw bytes are the name.
        name = _reader.ValueSpan;
        Read();
        return true;
    }

    public long Int64() => _reader.GetInt64();
    public int Int32() => _reader.GetInt32();
    public long? NullableInt64() => _reader.TokenType == JsonTokenType.Null ? null : _reader.GetInt64();
    public string String() => _reader.GetString() ?? throw Unexpected();
    public string? NullableString() => _reader.TokenType == JsonTokenType.Null ? null : _reader.GetString();

    /// <summary>A date stored as text, parsed as Microsoft.Data.Sqlite parses a DateOnly column (invariant culture).</summary>
    public DateOnly? NullableDate() => _reader.TokenType == JsonTokenType.Null
        ? null
        : DateOnly.Parse(_reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private void Read()
    {
        if (!_reader.Read()) throw Unexpected();
    }

    private readonly JsonException Unexpected() =>
        new($"unexpected JSON token {_reader.TokenType} at byte {_reader.TokenStartIndex} in a profile row set");
}
