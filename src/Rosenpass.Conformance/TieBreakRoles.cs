using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>
/// Who leads the tie-break between simultaneous handshakes (spec §9.6): the side whose peer id (spec §4.7, under the
/// peer's version) is the greater, as unsigned 32-byte numbers. Only the leader acts, so a simultaneous initiation
/// tests the IUT's rule only when the IUT leads; with us leading, our own rule would make any IUT pass. Managed mode
/// therefore generates the two key pairs so that the IUT leads in both versions.
/// </summary>
internal static class TieBreakRoles
{
    public static bool IutLeads(byte[] iutPublicKey, byte[] ourPublicKey, ProtocolVersion version)
    {
        var labels = Labels.For(version);
        byte[] iutId = labels.PeerId.Mix(iutPublicKey).ToArray(), ourId = labels.PeerId.Mix(ourPublicKey).ToArray();
        return iutId.AsSpan().SequenceCompareTo(ourId) > 0;
    }

    /// <summary>
    /// Our key pair and the IUT's, with the IUT leading in V02 and V03. Of two fresh pairs, one order leads in
    /// both versions when the two comparisons agree (half the time); otherwise the IUT's pair is drawn again.
    /// </summary>
    public static (KeyPair Ours, KeyPair Iut) Generate(IRandomSource random)
    {
        var first = KeyPair.Generate(random);
        try
        {
            while (true)
            {
                var second = KeyPair.Generate(random);
                bool v02 = IutLeads(second.PublicKey, first.PublicKey, ProtocolVersion.V02);
                bool v03 = IutLeads(second.PublicKey, first.PublicKey, ProtocolVersion.V03);
                if (v02 && v03) return (first, second);
                if (!v02 && !v03) return (second, first);
                second.Dispose();
            }
        }
        catch
        {
            first.Dispose();
            throw;
        }
    }
}
