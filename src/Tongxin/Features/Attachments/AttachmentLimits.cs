namespace Tongxin.Features.Attachments;

/// <summary>
/// How large and how many attachments may be: configured once for every owner kind, under
/// <c>Tongxin:Attachments</c> (<c>MaxSizeMb</c>, default 20; <c>MaxPerOwner</c>, default 10).
/// </summary>
public sealed record AttachmentLimits(long MaxBytes, int MaxPerOwner)
{
    public const int DefaultMaxSizeMb = 20;
    public const int DefaultMaxPerOwner = 10;

    public static AttachmentLimits Default { get; } = new(DefaultMaxSizeMb * 1024L * 1024, DefaultMaxPerOwner);

    public static AttachmentLimits From(IConfiguration config)
    {
        var section = config.GetSection("Tongxin:Attachments");
        var mb = section.GetValue("MaxSizeMb", DefaultMaxSizeMb);
        var count = section.GetValue("MaxPerOwner", DefaultMaxPerOwner);
        if (mb is < 1 or > 200) throw new Common.ConfigurationException("Tongxin:Attachments:MaxSizeMb 应在 1 到 200 之间 (attachment size limit in MB).");
        if (count is < 1 or > 100) throw new Common.ConfigurationException("Tongxin:Attachments:MaxPerOwner 应在 1 到 100 之间 (attachments per record).");
        return new AttachmentLimits(mb * 1024L * 1024, count);
    }

    public string SizeText => $"{MaxBytes / 1024 / 1024}MB";

    /// <summary>The message for a file over the limit, and for a request body over <see cref="MaxBodyBytes"/>.</summary>
    public string TooLargeMessage => $"文件不能超过{SizeText}";

    /// <summary>The largest upload body: the file plus room for the multipart framing.</summary>
    public long MaxBodyBytes => MaxBytes + (1 << 20);
}
