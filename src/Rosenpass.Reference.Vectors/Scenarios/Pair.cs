using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>
/// The setting of almost every case: server "a" (key a) initiates to its peer b; server "b" (key b) only responds
/// to its peer a (it has no endpoint, so it never initiates or rekeys on its own). Both share a psk unless the case
/// says otherwise, and both are configured for the case's version.
/// </summary>
internal static class Pair
{
    /// <summary>The psk of the cases that have one: SHAKE256("rosenpass reference vectors psk")[..32].</summary>
    public static readonly byte[] Psk = SeededRandom.SeedFor("rosenpass reference vectors psk");

    /// <summary>The two versions, in the order the cases are written.</summary>
    public static readonly ProtocolVersion[] Versions = [ProtocolVersion.V02, ProtocolVersion.V03];

    /// <summary>Makes servers a and b as described above.</summary>
    public static void Setup(CaseBuilder c, ProtocolVersion version, byte[]? psk, bool bUnderLoad = false,
        OutputKeySeparatorSetup? osk = null)
    {
        c.Server("a", "a", false, CaseBuilder.Peer("b", version, psk, initiates: true, osk));
        c.Server("b", "b", bUnderLoad, CaseBuilder.Peer("a", version, psk, initiates: false, osk));
    }

    /// <summary>The messages of one complete handshake, in order.</summary>
    public sealed record Messages(byte[] InitHello, byte[] RespHello, byte[] InitConf, byte[] EmptyData);

    /// <summary>Runs a complete handshake a → b → a → b → a at the current clock.</summary>
    public static Messages Handshake(CaseBuilder c)
    {
        byte[] ih = c.Initiate("a");
        byte[] rh = c.Accept("b", ih)!;
        byte[] ic = c.Accept("a", rh)!;
        byte[] ed = c.Accept("b", ic)!;
        c.Accept("a", ed);
        return new Messages(ih, rh, ic, ed);
    }

    /// <summary>"v02" or "v03", the prefix of case ids.</summary>
    public static string Tag(ProtocolVersion version) => version.ToString().ToLowerInvariant();

    /// <summary>A fresh case builder for <paramref name="name"/> under <paramref name="version"/>.</summary>
    public static CaseBuilder Case(KeyRing keys, ProtocolVersion version, string name) => new(keys, $"{Tag(version)}-{name}");
}
