namespace Rosenpass.Cli.Output;

/// <summary>Whether the key came from a handshake or replaced a dead session (upstream-facts §3.5).</summary>
public enum KeyOutputReason
{
    Exchanged,
    Stale,
}

/// <summary>
/// Upstream's stdout line per key event (upstream-facts §3.5):
/// <c>output-key peer &lt;pidt base64&gt; key-file "&lt;path&gt;" exchanged|stale</c>.
/// </summary>
public static class KeyOutputLine
{
    public static string Format(string peerIdBase64, string keyFile, KeyOutputReason reason) =>
        $"output-key peer {peerIdBase64} key-file {RustDebugString.Quote(keyFile)} {(reason == KeyOutputReason.Exchanged ? "exchanged" : "stale")}";
}
