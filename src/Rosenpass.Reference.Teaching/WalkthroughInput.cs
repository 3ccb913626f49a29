using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Teaching;

/// <summary>
/// What a walkthrough shows: one complete handshake's inputs and every traced value in the order it was computed
/// (both roles in one list; steps say which role computed them).
/// </summary>
/// <param name="Title">The document title.</param>
/// <param name="Source">A Markdown sentence saying where the values come from.</param>
/// <param name="Version">The protocol version of the handshake.</param>
/// <param name="Inputs">Named inputs: static keys, psk, …</param>
/// <param name="Values">(step, name, bytes) as an <see cref="Protocol.IProtocolTrace"/> records them.</param>
public sealed record WalkthroughInput(string Title, string Source, ProtocolVersion Version,
    IReadOnlyList<(string Name, byte[] Value)> Inputs, IReadOnlyList<(string Step, string Name, byte[] Value)> Values);
