using System.Text.RegularExpressions;
using Tongxin.Common.Http;

namespace Tongxin.Features.Imports;

/// <summary>
/// A multipart upload route (matched on the path, before routing): the largest body it takes and the Chinese message,
/// the one its handler gives a file just over the file limit, for a larger one. Features register theirs as singletons.
/// </summary>
public sealed record UploadRoute(Regex Path, long MaxBodyBytes, string TooLargeMessage);

/// <summary>
/// An upload over its route's body limit is answered like one just over the file limit (a field error on <c>file</c> in
/// Chinese, 400) instead of the bare "Bad Request" the form reader's failure (or Kestrel's 413) gives. A declared
/// length is judged from the Content-Length header alone, before anything is read; a body without one (chunked) is
/// counted as the form reader takes it, and the answer, held back meanwhile, is replaced once the limit is passed.
/// </summary>
internal sealed class UploadLengthCheck(IEnumerable<UploadRoute> routes) : IStartupFilter
{
    public static readonly string TooLargeMessage = $"文件不能超过{ImportLimits.MaxUploadBytes / 1024 / 1024}MB";

    private readonly UploadRoute[] _routes = routes.ToArray();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, nextMiddleware) =>
        {
            var route = HttpMethods.IsPost(ctx.Request.Method) ? _routes.FirstOrDefault(r => r.Path.IsMatch(ctx.Request.Path.Value ?? "")) : null;
            if (route is null)
            {
                await nextMiddleware(ctx);
                return;
            }
            if (ctx.Request.ContentLength is { } declared)
            {
                if (declared > route.MaxBodyBytes) await Problems.Validation("file", route.TooLargeMessage).ExecuteAsync(ctx);
                else await nextMiddleware(ctx);
                return;
            }
            var counted = new LimitedBody(ctx.Request.Body, route.MaxBodyBytes);
            var answer = ctx.Response.Body;
            using var held = new MemoryStream();
            ctx.Request.Body = counted;
            ctx.Response.Body = held;
            try
            {
                await nextMiddleware(ctx);
            }
            finally
            {
                ctx.Request.Body = counted.Inner;
                ctx.Response.Body = answer;
            }
            if (counted.Exceeded)
            {
                ctx.Response.Clear();
                await Problems.Validation("file", route.TooLargeMessage).ExecuteAsync(ctx);
                return;
            }
            held.Position = 0;
            await held.CopyToAsync(answer, ctx.RequestAborted);
        });
        next(app);
    };

    /// <summary>A request body that fails once more than <c>max</c> bytes were read from it, and says so.</summary>
    private sealed class LimitedBody(Stream inner, long max) : Stream
    {
        private long _read;
        public Stream Inner => inner;
        public bool Exceeded { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        private int Count(int n)
        {
            _read += n;
            if (_read > max)
            {
                Exceeded = true;
                throw new InvalidDataException("upload over its limit");
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
