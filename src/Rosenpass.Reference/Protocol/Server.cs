using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// A Rosenpass server (spec §10): our static key pair, the peers, the session index, biscuit keys and the
/// biscuit counter, cookie secrets. It turns incoming datagrams into responses and key events
/// (<see cref="HandleMessage"/>) and time into initiations, retransmissions and stale keys (<see cref="Poll"/>).
/// It touches no sockets and no files. The roles live in Server.Initiator.cs and Server.Responder.cs.
/// </summary>
public sealed partial class Server : IDisposable
{
    /// <summary>The largest message; the send buffer has this size (upstream's MAX_MESSAGE_LEN).</summary>
    public const int MaxMessageLength = 2500;

    private readonly byte[] _spkm;
    private readonly Secret _sskm;
    private readonly IRandomSource _random;
    private readonly IRandomSource _jitter;
    private readonly IKem _staticKem;
    private readonly IKem _ephemeralKem;
    private readonly IClock _clock;
    private readonly IUnderLoadPolicy _load;
    private readonly IProtocolTrace? _trace;
    private readonly RotatingKeys _cookieSecrets;
    private readonly RotatingKeys _biscuitKeys;
    private readonly byte[] _biscuitCounter = new byte[Biscuit.NumberLength];
    private readonly List<Peer> _peers = [];
    private readonly Dictionary<string, Peer> _peersById = [];
    private readonly Dictionary<uint, Peer> _sessionIndex = [];
    private readonly Dictionary<ProtocolVersion, OwnKeyValues> _own = [];
    private readonly byte[] _ownCookieKey;

    /// <summary>
    /// Every message we send is assembled here. Fields we do not write keep what the buffer held: that is
    /// how upstream fills the cookie field of responder messages (spec §8.2), and we reproduce its bytes.
    /// </summary>
    private readonly byte[] _sendBuffer = new byte[MaxMessageLength];

    /// <summary>Values that depend only on our own public key, per version (each hashes 512 KiB once).</summary>
    private sealed record OwnKeyValues(byte[] MacKey, byte[] ChainingKeyInit, byte[] BiscuitAdPrefix);

    /// <summary>A server with static key pair (<paramref name="publicKey"/>, <paramref name="secretKey"/>).</summary>
    public Server(byte[] publicKey, Secret secretKey, ServerOptions? options = null)
    {
        options ??= new ServerOptions();
        if (publicKey.Length != McEliece460896.PublicKeyBytes) throw new ArgumentException("public key must be 524160 bytes");
        if (secretKey.Length != McEliece460896.SecretKeyBytes) throw new ArgumentException("secret key must be 13608 bytes");
        _spkm = publicKey;
        _sskm = secretKey;
        _random = options.Random;
        _jitter = options.Jitter;
        _staticKem = options.StaticKem ?? new McEliece460896(_random);
        _ephemeralKem = options.EphemeralKem ?? new KyberKem(_random);
        _clock = options.Clock;
        _load = options.LoadPolicy;
        _trace = options.Trace;
        // Upstream draws the cookie secrets, then the biscuit keys, when a server is made (vectors inject them so).
        _cookieSecrets = new RotatingKeys(16, Timing.CookieSecretEpoch, _random);
        _biscuitKeys = new RotatingKeys(32, Timing.BiscuitEpoch, _random);
        _biscuitCounter[0] = 1; // the first biscuit number is 1 (spec §7.3)
        foreach (var version in new[] { ProtocolVersion.V02, ProtocolVersion.V03 })
        {
            var labels = Labels.For(version);
            _own[version] = new OwnKeyValues(labels.Mac.Mix(publicKey).ToArray(), ChainingKey.InitValue(labels, publicKey),
                labels.BiscuitAd.Mix(publicKey).ToArray());
        }
        _ownCookieKey = Labels.V03.CookieKey.Mix(publicKey).ToArray();
    }

    /// <summary>Our static public key spkm.</summary>
    public byte[] PublicKey => _spkm;

    /// <summary>The configured peers, in the order they were added.</summary>
    public IReadOnlyList<Peer> Peers => _peers;

    /// <summary>
    /// Adds a peer (spec §10.2). <paramref name="psk"/> null means 32 zero bytes. A peer that does not
    /// <paramref name="initiates"/> (no endpoint) is only ever answered. Two peers with the same peer id are
    /// refused with <see cref="ArgumentException"/>.
    /// </summary>
    public Peer AddPeer(byte[] publicKey, Secret? psk = null, ProtocolVersion version = ProtocolVersion.V02,
        OskDomainSeparator? outputKeySeparator = null, bool initiates = true)
    {
        if (publicKey.Length != McEliece460896.PublicKeyBytes) throw new ArgumentException("peer public key must be 524160 bytes");
        if (psk != null && psk.Length != 32) throw new ArgumentException("psk must be 32 bytes");
        var peer = new Peer(_peers.Count, publicKey, psk ?? new Secret(32), version, outputKeySeparator ?? OskDomainSeparator.WireGuardPsk,
            initiates, _spkm);
        string id = Convert.ToHexString(peer.PeerId);
        if (!_peersById.TryAdd(id, peer)) throw new ArgumentException($"a peer with id {peer.PeerIdBase64} already exists");
        _peers.Add(peer);
        return peer;
    }

    /// <summary>
    /// Handles one datagram from the address <paramref name="hostId"/> (used only for cookies, spec §8.3).
    /// A rejected datagram changes nothing.
    /// </summary>
    public HandleOutcome HandleMessage(ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> hostId = default)
    {
        var frameError = MessageParser.CheckFrame(datagram, out var type);
        if (frameError != null) return HandleOutcome.Reject(null, frameError);

        double now = _clock.Now;
        if (_load.IsUnderLoad(now) && type is not (MessageType.InitHello or MessageType.InitConf))
            return HandleOutcome.Reject(type, RejectionKind.NotProcessedUnderLoad, "only InitHello and InitConf are processed under load");

        return type switch
        {
            MessageType.InitHello => HandleInitHello(datagram, hostId, now),
            MessageType.RespHello => HandleRespHello(datagram, now),
            MessageType.InitConf => HandleInitConf(datagram, now),
            MessageType.EmptyData => HandleEmptyData(datagram),
            _ => HandleCookieReply(datagram),
        };
    }

    /// <summary>
    /// For InitHello and InitConf, which carry no hint of the sender's version: the version under whose
    /// mac key the mac verifies, V03 tried first as upstream does (spec §6.6). Null if neither.
    /// </summary>
    private ProtocolVersion? VersionByMac(ReadOnlySpan<byte> message)
    {
        foreach (var version in new[] { ProtocolVersion.V03, ProtocolVersion.V02 })
        {
            if (EnvelopeSeal.MacIsValid(KeyedHash.For(version), _own[version].MacKey, message)) return version;
        }
        return null;
    }

    /// <summary>Whether a message from <paramref name="peer"/> carries a valid mac under its version (spec §8.1).</summary>
    private bool MacIsValidFrom(Peer peer, ReadOnlySpan<byte> message) =>
        EnvelopeSeal.MacIsValid(peer.Labels.Hash, _own[peer.Version].MacKey, message);

    /// <summary>The peer whose peer id (under its own version) is <paramref name="peerId"/>.</summary>
    private Peer? FindPeer(ReadOnlySpan<byte> peerId) =>
        _peersById.GetValueOrDefault(Convert.ToHexString(peerId));

    /// <summary>
    /// Finishes a message to <paramref name="peer"/> in the send buffer: the mac always, the cookie only while we
    /// hold a handshake with that peer (spec §8.2). Returns a copy of the finished bytes.
    /// </summary>
    private byte[] Seal(Peer peer, int length)
    {
        var message = _sendBuffer.AsSpan(0, length);
        EnvelopeSeal.WriteMac(peer.Labels.Hash, peer.MacKey, message);
        if (peer.Handshake != null) EnvelopeSeal.WriteCookie(peer.Handshake.CookieValue.Expose(), message);
        return message.ToArray();
    }

    /// <summary>A session id that no handshake or session of ours uses (spec §10.1).</summary>
    private byte[] DrawSessionId()
    {
        var sid = new byte[4];
        do { _random.Fill(sid); } while (_sessionIndex.ContainsKey(SidKey(sid)));
        return sid;
    }

    private static uint SidKey(ReadOnlySpan<byte> sid) => BinaryPrimitives.ReadUInt32LittleEndian(sid);

    /// <summary>The peer whose handshake or session uses <paramref name="sid"/>.</summary>
    private Peer? PeerBySessionId(ReadOnlySpan<byte> sid) => _sessionIndex.GetValueOrDefault(SidKey(sid));

    /// <summary>Drops the index entry of <paramref name="sid"/> unless the peer's handshake or session still uses it.</summary>
    private void ReleaseSessionId(Peer peer, byte[] sid)
    {
        if (peer.Handshake?.Sidi.AsSpan().SequenceEqual(sid) == true) return;
        if (peer.Session?.Sidm.AsSpan().SequenceEqual(sid) == true) return;
        _sessionIndex.Remove(SidKey(sid));
    }

    private void DropHandshake(Peer peer)
    {
        var handshake = peer.Handshake;
        if (handshake == null) return;
        peer.Handshake = null;
        ReleaseSessionId(peer, handshake.Sidi);
        handshake.Dispose();
    }

    private void DropSession(Peer peer)
    {
        var session = peer.Session;
        if (session == null) return;
        peer.Session = null;
        ReleaseSessionId(peer, session.Sidm);
        session.Dispose();
    }

    private void ReplaceSession(Peer peer, Session session)
    {
        var old = peer.Session;
        peer.Session = session;
        _sessionIndex[SidKey(session.Sidm)] = peer;
        if (old != null)
        {
            ReleaseSessionId(peer, old.Sidm);
            old.Dispose();
        }
    }

    /// <summary>
    /// enter_live (spec §4.5): tki = KH(ck, "initiator handshake encryption"), tkr = KH(ck, "responder …").
    /// The initiator sends with tki and receives with tkr; the responder the other way round.
    /// </summary>
    private static Session EnterLive(Role role, ChainingKey ck, byte[] sidi, byte[] sidr, double now)
    {
        var tki = ck.DeriveKey(ck.Labels.IniEnc);
        var tkr = ck.DeriveKey(ck.Labels.ResEnc);
        bool initiator = role == Role.Initiator;
        return new Session
        {
            Role = role,
            Sidm = initiator ? sidi : sidr,
            Sidt = initiator ? sidr : sidi,
            Txkm = initiator ? tki : tkr,
            Txkt = initiator ? tkr : tki,
            Ck = ck,
            CreatedAt = now,
        };
    }

    /// <summary>The output key (spec §4.6): osk = KH(ck, separator).</summary>
    private static Secret OutputKey(Peer peer, Session session)
    {
        var osk = new Secret(32);
        peer.Labels.Hash.Compute(session.Ck.Value, peer.OskSeparatorValue, osk.Expose());
        return osk;
    }

    private void Trace(string step, string name, ReadOnlySpan<byte> value) => _trace?.Record(step, name, value);

    private void TraceCk(string step, ChainingKey ck) => _trace?.Record(step, "ck", ck.Value);

    /// <summary>
    /// A SHA-256 digest of everything handling a message or polling could change (spec §10): two equal
    /// fingerprints mean no observable state changed. Public for the vectors' "state unchanged" field, so a
    /// conformance run can show that a rejected message left the server as it was; it reveals no secret.
    /// </summary>
    public string StateFingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DescribeState())));

    /// <summary>
    /// Everything handling a message or polling could change, as text (secrets as fingerprints): two equal
    /// descriptions mean no observable state changed. For tests; <see cref="StateFingerprint"/> is its public digest.
    /// </summary>
    internal string DescribeState()
    {
        var lines = new List<string>
        {
            $"biscuit counter {Convert.ToHexStringLower(_biscuitCounter)}",
            $"biscuit keys {_biscuitKeys.Describe()}",
            $"cookie secrets {_cookieSecrets.Describe()}",
            $"index {string.Join(",", _sessionIndex.OrderBy(e => e.Key).Select(e => $"{e.Key:x8}->{e.Value.Index}"))}",
            $"send buffer {StateDigest.Fingerprint(_sendBuffer)}",
        };
        lines.AddRange(_peers.Select(StateDigest.Describe));
        return string.Join("\n", lines);
    }

    /// <summary>Zeroes every secret the server holds.</summary>
    public void Dispose()
    {
        foreach (var peer in _peers)
        {
            peer.Handshake?.Dispose();
            peer.Session?.Dispose();
            peer.Psk.Dispose();
        }
        _cookieSecrets.Dispose();
        _biscuitKeys.Dispose();
        _sskm.Dispose();
    }
}
