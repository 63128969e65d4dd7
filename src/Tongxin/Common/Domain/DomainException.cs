namespace Tongxin.Common.Domain;

/// <summary>A business rule refused the operation; mapped to 422 with the Chinese message.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The record changed since the caller read it; mapped to 409.</summary>
public class ConcurrencyConflictException(string message = "该记录已被他人修改，请刷新后重试") : Exception(message);

/// <summary>Field-level validation failures; mapped to 400 ValidationProblem.</summary>
public class FieldValidationException(IDictionary<string, string[]> errors) : Exception("输入有误")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static FieldValidationException Single(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
