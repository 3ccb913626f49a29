using System.Buffers.Binary;
using System.Net;

namespace Rosenpass.Cli.Net;

/// <summary>
/// The 30-byte host id that the core's cookie mechanism binds to the sender's address, laid out as upstream's
/// app server does (upstream-facts §1.8): socket index (u64 big-endian), IPv6 address (IPv4 v4-mapped),
/// port (u16 BE), scope id (u32 BE).
/// </summary>
public static class HostId
{
    public const int Length = 30;

    public static byte[] For(int socketIndex, IPEndPoint source)
    {
        var id = new byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(id.AsSpan(0, 8), (ulong)socketIndex);
        var address = source.Address.MapToIPv6();
        address.TryWriteBytes(id.AsSpan(8, 16), out _);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(24, 2), (ushort)source.Port);
        BinaryPrimitives.WriteUInt32BigEndian(id.AsSpan(26, 4), (uint)address.ScopeId);
        return id;
    }
}
