using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Conformance.Scenarios;

/// <summary>
/// The responder's InitConf response cache (spec §9.4) seen from outside: a repeated InitConf is answered with the
/// EmptyData sent the first time. Its cookie field is not defined (spec §8.2), so only the bytes before it count.
/// </summary>
internal static class CachedEmptyData
{
    public static bool SameExceptCookie(byte[] a, byte[] b) =>
        a.Length == EmptyData.Length && b.Length == EmptyData.Length
        && a.AsSpan(0, Envelope.CookieOffset(a.Length)).SequenceEqual(b.AsSpan(0, Envelope.CookieOffset(b.Length)));
}
