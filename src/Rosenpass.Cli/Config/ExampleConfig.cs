namespace Rosenpass.Cli.Config;

/// <summary>What <c>rosenpass gen-config</c> writes: a commented starting point with upstream's keys (§3.3).</summary>
public static class ExampleConfig
{
    public const string Text = """
        # Rosenpass configuration, for `rosenpass exchange-config <this file>`.
        # Paths may start with ~/ for the home folder. Keys not shown here are rejected.

        # Our key pair, made by `rosenpass gen-keys <this file>`.
        public_key = "/path/to/rp-public-key"
        secret_key = "/path/to/rp-secret-key"

        # UDP addresses to listen on, e.g. ["0.0.0.0:9999", "[::]:9999"]; [] picks a free port.
        listen = []

        # "Verbose" logs key exchanges; "Quiet" (the default) does not.
        verbosity = "Verbose"

        [[peers]]
        # Lines starting with # are optional.
        public_key = "/path/to/rp-peer-public-key"
        # Where the peer listens; leave out to only answer this peer.
        endpoint = "127.0.0.1:9998"
        # pre_shared_key = "/path/to/preshared-key"   # base64 of 32 bytes, e.g. from `wg genpsk`
        # protocol_version = "V03"                    # V02 (the default) or V03; must match the peer's setting

        # Put the key in a file with key_out, or give it to WireGuard with device and peer, or both.
        key_out = "/path/to/rp-key-out.txt"
        # device = "wg0"                              # WireGuard interface
        # peer = "RULdRAtUw7SFfVfGD..."               # the peer's WireGuard public key
        # extra_params = []                           # more arguments for `wg set`

        """;
}
