using System.Net;

namespace Rosenpass.Cli.Net;

/// <summary>One received datagram: its bytes, where it came from, and which of our sockets got it.</summary>
public sealed record Datagram(byte[] Bytes, IPEndPoint Source, int SocketIndex);
