namespace Tongxin.Common;

/// <summary>
/// A setting the server cannot start with. Its message says, in one line, what to change; the executable
/// prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
