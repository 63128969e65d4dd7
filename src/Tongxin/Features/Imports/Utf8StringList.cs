using System.Text;

namespace Tongxin.Features.Imports;

/// <summary>
/// An append-only list of strings kept as UTF-8 in 1 MB blocks. A workbook's shared-string table holds every
/// distinct cell text (a 100,000-row file: some 400,000 ID numbers, phones, names and handles); as .NET strings
/// with their headers that was ~30 MB alive until the end of the import, here it is about a third.
/// </summary>
internal sealed class Utf8StringList
{
    private const int BlockSize = 1 << 20;
    private readonly List<byte[]> _blocks = [];
    // Per string: block index (16 bits), offset in the block (24 bits), byte length (24 bits).
    private readonly List<long> _slots = [];
    private int _used = BlockSize;

    public int Count => _slots.Count;

    public void Add(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        // A cell holds at most 32,767 characters (< 100 KB), so a string always fits a fresh block.
        if (_blocks.Count == 0 || length > BlockSize - _used)
        {
            _blocks.Add(new byte[Math.Max(BlockSize, length)]);
            _used = 0;
        }
        var block = _blocks[^1];
        Encoding.UTF8.GetBytes(value, block.AsSpan(_used, length));
        _slots.Add(((long)(_blocks.Count - 1) << 48) | ((long)_used << 24) | (uint)length);
        _used += length;
    }

    public string this[int index]
    {
        get
        {
            var slot = _slots[index];
            var block = _blocks[(int)(slot >> 48)];
            return Encoding.UTF8.GetString(block, (int)((slot >> 24) & 0xFFFFFF), (int)(slot & 0xFFFFFF));
        }
    }
}
