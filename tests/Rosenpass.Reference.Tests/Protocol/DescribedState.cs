using System.Buffers.Binary;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>Reads lines of <see cref="Server.DescribeState"/>, as the mutation tests compare them.</summary>
internal static class DescribedState
{
    /// <summary>The one line that starts with <paramref name="name"/> and a space ("index", "cookie secrets", "peer 0:").</summary>
    public static string Line(Server server, string name) =>
        server.DescribeState().Split('\n').Single(l => l.StartsWith(name + " "));

    /// <summary>The index line.</summary>
    public static string IndexLine(Server server) => Line(server, "index");

    /// <summary>The index entry of <paramref name="sid"/> for peer <paramref name="peerIndex"/>, as the index line shows it.</summary>
    public static string IndexEntry(byte[] sid, int peerIndex) => $"{BinaryPrimitives.ReadUInt32LittleEndian(sid):x8}->{peerIndex}";
}
