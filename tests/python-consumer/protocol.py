"""A Rosenpass server written from spec/ (§3-§10): labels, chaining key, messages, biscuit, cookies, timers.

It is a replay engine, not a daemon: every random value, jitter value and KEM result is taken from queues that the
vector replay fills from a step's `injected` values, and every intermediate value is appended to a trace with the
step names of spec §6. Decapsulations are computed (kyber.py, mceliece.py), never injected.
"""
import hmac
import struct

import kyber
import mceliece
from symmetric import KH, aead_dec, aead_enc, kh_v03, xaead_open, xaead_seal

# --- §3 hash domains ------------------------------------------------------------------------------------------------

PROTOCOL_STRINGS = {
    "V03": b"Rosenpass v1 mceliece460896 Kyber512 ChaChaPoly1305 SHAKE256",
    "V02": b"Rosenpass v1 mceliece460896 Kyber512 ChaChaPoly1305 BLAKE2s",
}


class Labels:
    """The values VAL(x) of the label tree of spec §3.2 for one version."""

    def __init__(self, version):
        kh = KH[version]
        self.kh = kh
        self.protocol = kh(bytes(32), PROTOCOL_STRINGS[version])
        for attr, label in (("mac", "mac"), ("cookie", "cookie"), ("cookie_value", "cookie-value"),
                            ("cookie_key", "cookie-key"), ("peerid", "peer id"),
                            ("biscuit_ad", "biscuit additional data"), ("ckinit", "chaining key init"),
                            ("ckextract", "chaining key extract")):
            setattr(self, attr, kh(self.protocol, label.encode()))
        self.mix = kh(self.ckextract, b"mix")
        self.hs_enc = kh(self.ckextract, b"handshake encryption")
        self.ini_enc = kh(self.ckextract, b"initiator handshake encryption")
        self.res_enc = kh(self.ckextract, b"responder handshake encryption")
        self.cke_user = kh(self.ckextract, b"user")
        self.wireguard_psk = self.separator("rosenpass.eu", ["wireguard psk"])

    def separator(self, organization, labels):
        """spec §4.6: mix(VAL(cke_user), org, l1, ..., ln)."""
        h = self.kh(self.cke_user, organization.encode())
        for label in labels:
            h = self.kh(h, label.encode())
        return h


LABELS = {"V02": Labels("V02"), "V03": Labels("V03")}
L3 = LABELS["V03"]  # the cookie mechanism always uses the V03 tree (spec §1.3, §8)

# spec §3.3, for the self-test: (node, V03 value, V02 value or None where the V02 tree does not use it)
PRECOMPUTED = [
    ("protocol", "8c428982b8811df5089e1fa31543e05b48c000b82b8f9c6752388ed1fa161ee7",
     "314afa43e9d7bf60bb6d54134ab8e115cb2afd4e0a67eada460202b09e6c28f2"),
    ("mac", "28015878ab6cacf337cd0d114885b7b22e137599b7ce5e36f410a3d2bea28739",
     "8779e72b17ae66d7e46d93dc16c3b3c4491e54e1c79b0d8bebb8f2817f297e4b"),
    ("cookie", "b47a6224b8808aca5676bd99eebb677d6fc6c5e98961341f37e6008d5ec38ce6",
     None),
    ("cookie_value", "3c81f7886cbee1876a19504be2e4602c27ed4745fee055d4712f4b833eb61614",
     None),
    ("cookie_key", "9e17d8520f2f9c4a32b2342251507b0aabb38bc2c128163e8079537eaeecb36b",
     None),
    ("peerid", "77ec28597e62b92c938219de5895f5e7af4ff9d00bf4438a9bbc82bb8ee3e659",
     "9ff6e4c014424fc123ef6477229c8b761edf65d0d7392cdf85cba84dc1f2cfa7"),
    ("biscuit_ad", "bc45c82895ebec27501a21b3ae574ed42be3353957bb30c1997815cb6f1ffd64",
     "4876a3c65dd5d0724438b945c6e6d343e0ee02f573cc774a09045d655a85302a"),
    ("ckinit", "88607c38efb6adecf321384eb8e52433bc0fd662dcbcd55d629126867d5f5f1d",
     "abea67e8d16035b6495cda4786bff0d0dad936ded93c54c8b533652ad98a6946"),
    ("mix", "a5719ddaa848d422a0604a2fca17f31c2f9a799782789f88a9597b8719f0a39b",
     "41d20e68ac3b0eba4e4d8b3a1a01fe18404d9d30c61ae3ba6739053af8d6049f"),
    ("hs_enc", "5062428e3baf12b59f01686e9a754b9bb0568e07709641d3bb03563342685f02",
     "1db8ec314788a2f1a70d5a8cae3dbbedb21f682426fdbab810c1adefe6a93375"),
    ("ini_enc", "cb5c355236602bbeb8b120369ab3a5aac6b7e50e6be8c347367c94084f8281d2",
     "d34bb2a7858ed51ac7e824e9f1dc55868eed7cc2bee879e260aee150cd8784b3"),
    ("res_enc", "cd853373157eb924236f77bc31a19ccc2c57085b93f2113f2c02671daeb3aa12",
     "c9181f95721584d0018142cb8b6d2791333913b8df77302a2b794de7bee95c6b"),
    ("wireguard_psk", "c1ebe9d9c7da6409587dad055da222ac4bffd30ec3c99963e54231f73cdf8ebe",
     "0cf2591fd46ab229d5df5a72688ce75801e8e6b8673755189cc36482a7cac9c0"),
]


def self_test():
    errors = []
    for attr, v03, v02 in PRECOMPUTED:
        for version, value in (("V03", v03), ("V02", v02)):
            if value is not None and getattr(LABELS[version], attr).hex() != value:
                errors.append("label %s %s differs from spec §3.3" % (version, attr))
    return errors


# --- §5 messages and §9 constants ---------------------------------------------------------------------------------

INIT_HELLO, RESP_HELLO, INIT_CONF, EMPTY_DATA, COOKIE_REPLY = 0x81, 0x82, 0x83, 0x84, 0x86
LENGTHS = {INIT_HELLO: 1060, RESP_HELLO: 1100, INIT_CONF: 176, EMPTY_DATA: 64, COOKIE_REPLY: 1060}

REKEY_AFTER_TIME_RESPONDER = 120.0
REKEY_AFTER_TIME_INITIATOR = 130.0
REJECT_AFTER_TIME = 180.0
BISCUIT_EPOCH = 300.0
COOKIE_SECRET_EPOCH = 120.0
RETRANSMIT_DELAY_BEGIN = 0.5
RETRANSMIT_DELAY_GROWTH = 2.0
RETRANSMIT_DELAY_END = 10.0
RETRANSMIT_DELAY_JITTER = 0.5
CACHE_LIFETIME = 120.0
EVENT_GRACE = 0.0025
BCE = -3600.0 * 24 * 356 * 10000


def happened(at, now):
    """spec §9.1: an event at time `at` has happened when at - now < EVENT_GRACE."""
    return at is not None and at - now < EVENT_GRACE


def lifecycle(created_at, epoch, now):
    if happened(created_at + 2 * epoch, now):
        return "Dead"
    if happened(created_at + epoch, now):
        return "Retired"
    return "Young"


def retransmit_delay(n, u):
    """spec §9.2."""
    import math
    exponent = min(math.log(RETRANSMIT_DELAY_END / RETRANSMIT_DELAY_BEGIN, RETRANSMIT_DELAY_GROWTH), n)
    return RETRANSMIT_DELAY_BEGIN * RETRANSMIT_DELAY_GROWTH ** exponent * RETRANSMIT_DELAY_JITTER * (1.0 + u)


class Rejected(Exception):
    def __init__(self, kind):
        Exception.__init__(self, kind)
        self.kind = kind


class Mismatch(Exception):
    """The vector's injected values do not fit what this implementation draws."""


# --- keys -----------------------------------------------------------------------------------------------------------

class StaticKey:
    def __init__(self, name, sk, pk):
        self.name, self.sk, self.pk = name, sk, pk
        self._decaps_key = None
        self._hashes = {}

    def decaps(self, ct):
        if self._decaps_key is None:
            self._decaps_key = mceliece.secret_key(self.sk)
        return mceliece.decaps(self._decaps_key, ct)

    def hashed(self, version, label):
        """KH(VAL(label), pk): the per-key values spec §2.7 allows to cache."""
        k = (version, label)
        if k not in self._hashes:
            lab = LABELS[version]
            self._hashes[k] = lab.kh(getattr(lab, label), self.pk)
        return self._hashes[k]


# --- §4 chaining key ------------------------------------------------------------------------------------------------

class ChainingKey:
    def __init__(self, version, ck, trace):
        self.lab = LABELS[version]
        self.kh = self.lab.kh
        self.ck = ck
        self.trace = trace

    @classmethod
    def init(cls, version, spkr_key, trace):
        return cls(version, spkr_key.hashed(version, "ckinit"), trace)

    def mix(self, *data):
        for d in data:
            self.ck = self.kh(self.kh(self.ck, self.lab.mix), d)

    def encrypt_and_mix(self, pt):
        k = self.kh(self.ck, self.lab.hs_enc)
        ct = aead_enc(k, bytes(12), b"", pt)
        self.mix(ct)
        return ct

    def decrypt_and_mix(self, ct):
        k = self.kh(self.ck, self.lab.hs_enc)
        pt = aead_dec(k, bytes(12), b"", ct)
        if pt is None:
            raise Rejected("BadAuthTag")
        self.mix(ct)
        return pt

    def record(self, step):
        self.trace.append((step, "ck", self.ck))


def mac_of(version, recipient_key, msg_prefix):
    """spec §8.1."""
    return LABELS[version].kh(recipient_key.hashed(version, "mac"), msg_prefix)[:16]


def cookie_of(cookie_value, msg_prefix):
    """spec §8.2, always the V03 tree."""
    return kh_v03(kh_v03(L3.cookie, cookie_value), msg_prefix)[:16]


# --- §10 state --------------------------------------------------------------------------------------------------------

class Handshake:
    """spec §10.3 (initiator side)."""

    def __init__(self):
        self.sidi = self.sidr = self.eski = self.epki = self.ck = None
        self.next = None
        self.cookie_value = None
        self.stored = None
        self.retx_count = 0
        self.retry_at = None
        self.created_at = self.die_at = None

    def state(self):
        return ("hs", self.sidi, self.sidr, self.eski, self.epki, self.ck, self.next, self.cookie_value, self.stored,
                self.retx_count, self.retry_at, self.created_at, self.die_at)


class Session:
    """spec §10.4."""

    def __init__(self, ck, role, sidm, sidt, txkm, txkt, now):
        self.ck, self.role, self.sidm, self.sidt, self.txkm, self.txkt = ck, role, sidm, sidt, txkm, txkt
        self.txnm = self.txnt = 0
        self.created_at = now
        self.retire_at = now + (REKEY_AFTER_TIME_INITIATOR if role == "initiator" else REKEY_AFTER_TIME_RESPONDER)
        self.die_at = now + REJECT_AFTER_TIME

    def state(self):
        return ("session", self.ck, self.role, self.sidm, self.sidt, self.txkm, self.txkt, self.txnm, self.txnt,
                self.created_at, self.retire_at, self.die_at)


class Peer:
    """spec §10.2."""

    def __init__(self, key, psk, version, separator, initiates):
        self.key = key
        self.psk = psk if psk is not None else bytes(32)
        self.version = version
        self.separator = separator  # None or (organization, labels)
        self.initiates = initiates
        self.biscuit_used = 0
        self.handshake = None
        self.session = None
        self.cache = None  # (InitConf[0..160), EmptyData bytes, stored_at)

    def pidt(self):
        return self.key.hashed(self.version, "peerid")

    def osk_separator(self):
        lab = LABELS[self.version]
        if self.separator is None:
            return lab.wireguard_psk
        return lab.separator(*self.separator)

    def state(self):
        return ("peer", self.biscuit_used, self.handshake.state() if self.handshake else None,
                self.session.state() if self.session else None, self.cache)


class Outcome:
    def __init__(self):
        self.accepted = None
        self.rejection = None
        self.response = None
        self.message = None
        self.events = []
        self.trace = []
        self.next_poll_at = None


class Server:
    """spec §10.1."""

    def __init__(self, name, key, under_load, source):
        self.name = name
        self.key = key
        self.under_load = under_load
        self.source = source  # yields random draws, jitter and KEM results
        self.cookie_secrets = [[source.random("cookie_secret", 16), BCE], [source.random("cookie_secret", 16), BCE]]
        self.biscuit_keys = [[source.random("biscuit_key", 32), BCE], [source.random("biscuit_key", 32), BCE]]
        self.biscuit_ctr = 1
        self.peers = []
        self.index = {}  # sid -> peer index

    def add_peer(self, peer):
        for other in self.peers:
            if other.pidt() == peer.pidt():
                raise Mismatch("duplicate peer id")
        self.peers.append(peer)

    def state(self):
        """Everything a rejection must leave unchanged (spec §6, §10.6)."""
        return (repr(self.cookie_secrets), repr(self.biscuit_keys), self.biscuit_ctr, sorted(self.index.items()),
                [p.state() for p in self.peers])

    # --- session index (spec §10.1) ---

    def fresh_sid(self, label):
        while True:
            sid = self.source.random(label, 4)
            if sid not in self.index:
                return sid

    def release(self, peer_no, sid):
        """Unregister sid unless the peer's handshake or session still uses it (spec §9.3)."""
        peer = self.peers[peer_no]
        if sid is None:
            return
        if peer.handshake is not None and peer.handshake.sidi == sid:
            return
        if peer.session is not None and peer.session.sidm == sid:
            return
        if self.index.get(sid) == peer_no:
            del self.index[sid]

    def find_peer(self, pid):
        for no, peer in enumerate(self.peers):
            if hmac.compare_digest(peer.pidt(), pid):
                return no
        return None

    # --- §7.2 biscuit keys, §8.3 cookie secrets ---

    def active_biscuit_key(self, now):
        younger = 0 if self.biscuit_keys[0][1] >= self.biscuit_keys[1][1] else 1
        older = 1 - younger
        if lifecycle(self.biscuit_keys[younger][1], BISCUIT_EPOCH, now) == "Young":
            return younger
        self.biscuit_keys[older] = [self.source.random("biscuit_key", 32), now]
        return older

    def alive_cookie_secrets(self, now):
        """Indices of Young or Retired secrets, youngest first."""
        order = [0, 1] if self.cookie_secrets[0][1] >= self.cookie_secrets[1][1] else [1, 0]
        return [i for i in order if lifecycle(self.cookie_secrets[i][1], COOKIE_SECRET_EPOCH, now) != "Dead"]

    def youngest_cookie_secret(self, now):
        alive = self.alive_cookie_secrets(now)
        if alive:
            return alive[0]
        older = 1 if self.cookie_secrets[0][1] >= self.cookie_secrets[1][1] else 0
        self.cookie_secrets[older] = [self.source.random("cookie_secret", 16), now]
        return older

    # --- §9.2 retransmission ---

    def schedule(self, hs, now):
        u = (int.from_bytes(self.source.jitter(), "little") >> 11) * 2.0 ** -53
        hs.retry_at = now + retransmit_delay(hs.retx_count, u)

    def reseal_cookie(self, hs):
        """A retransmitted InitHello gets its cookie recomputed; an InitConf goes out byte for byte (§9.2)."""
        msg = hs.stored
        if msg[0] == INIT_HELLO:
            return msg[:1044] + cookie_of(hs.cookie_value, msg[:1044])
        return msg

    # --- §6.1 initiator sends InitHello ---

    def initiate(self, peer_no, now, out):
        peer = self.peers[peer_no]
        version = peer.version
        cookie_value = self.source.random("cookie_value", 16)
        ck = ChainingKey.init(version, peer.key, out.trace)
        ck.record("IHI1")
        sidi = self.fresh_sid("sidi")
        out.trace.append(("IHI2", "sidi", sidi))
        epki, eski = self.source.kem("ephemeral", "keygen", "IHI3", ("publicKey", 800), ("secretKey", 1632))
        out.trace.append(("IHI3", "epki", epki))
        ck.mix(sidi, epki)
        ck.record("IHI4")
        sctr, shk = self.source.kem("static", "encaps", "IHI5", ("ciphertext", 156), ("sharedKey", 32),
                                    to=peer.key.pk)
        ck.mix(peer.key.pk, shk, sctr)
        out.trace.append(("IHI5", "sctr", sctr))
        ck.record("IHI5")
        pidi_ct = ck.encrypt_and_mix(self.key.hashed(version, "peerid"))
        out.trace.append(("IHI6", "pidi_ct", pidi_ct))
        ck.record("IHI6")
        ck.mix(self.key.pk, peer.psk)
        ck.record("IHI7")
        auth = ck.encrypt_and_mix(b"")
        out.trace.append(("IHI8", "auth", auth))
        ck.record("IHI8")
        body = bytes([INIT_HELLO, 0, 0, 0]) + sidi + epki + sctr + pidi_ct + auth
        msg = body + mac_of(version, peer.key, body)
        msg = msg + cookie_of(cookie_value, msg)
        out.trace.append(("IHI8", "InitHello", msg))
        # commit
        old = peer.handshake
        hs = Handshake()
        hs.sidi, hs.eski, hs.epki, hs.ck, hs.next, hs.cookie_value = sidi, eski, epki, ck.ck, "RespHello", cookie_value
        hs.stored, hs.retx_count, hs.created_at, hs.die_at = msg, 0, now, now + REJECT_AFTER_TIME
        peer.handshake = hs
        if old is not None:
            self.release(peer_no, old.sidi)
        self.index[sidi] = peer_no
        self.schedule(hs, now)
        return msg

    # --- receive pipeline (§6) ---

    def deliver(self, msg, host_id, now, out):
        if len(msg) == 0:
            raise Rejected("WrongLength")
        kind = msg[0]
        if kind not in LENGTHS:
            raise Rejected("UnknownMessageType")
        if len(msg) != LENGTHS[kind]:
            raise Rejected("WrongLength")
        if self.under_load and kind not in (INIT_HELLO, INIT_CONF):
            raise Rejected("NotProcessedUnderLoad")
        if kind == INIT_HELLO:
            return self.handle_init_hello(msg, host_id, now, out)
        if kind == RESP_HELLO:
            return self.handle_resp_hello(msg, now, out)
        if kind == INIT_CONF:
            return self.handle_init_conf(msg, now, out)
        if kind == EMPTY_DATA:
            return self.handle_empty_data(msg, now, out)
        return self.handle_cookie_reply(msg, now, out)

    def mac_trial(self, msg, mac_off):
        """spec §6.6 (ours): the first of V03, V02 under which the mac verifies."""
        for version in ("V03", "V02"):
            if hmac.compare_digest(mac_of(version, self.key, msg[:mac_off]), msg[mac_off:mac_off + 16]):
                return version
        raise Rejected("BadMac")

    def seal_responder(self, version, peer, body):
        """mac under the peer's key; the cookie field is defined only while we hold an initiator handshake (§8.2)."""
        msg = body + mac_of(version, peer.key, body)
        if peer.handshake is not None:
            return msg + cookie_of(peer.handshake.cookie_value, msg), True
        return msg + bytes(16), False

    # §6.2
    def handle_init_hello(self, msg, host_id, now, out):
        version = self.mac_trial(msg, 1028)
        if self.under_load:
            matched = False
            for i in self.alive_cookie_secrets(now):
                cv = kh_v03(kh_v03(L3.cookie_value, self.cookie_secrets[i][0]), host_id)[:16]
                if hmac.compare_digest(cookie_of(cv, msg[:1044]), msg[1044:1060]):
                    matched = True
                    break
            if not matched:
                return self.cookie_reply(msg, host_id, now, out)
        sidi, epki, sctr, pidi_ct, auth = msg[4:8], msg[8:808], msg[808:964], msg[964:1012], msg[1012:1028]
        ck = ChainingKey.init(version, self.key, out.trace)
        ck.record("IHR1")
        ck.mix(sidi, epki)
        ck.record("IHR4")
        shk = self.key.decaps(sctr)
        ck.mix(self.key.pk, shk, sctr)
        ck.record("IHR5")
        pidi = ck.decrypt_and_mix(pidi_ct)
        ck.record("IHR6")
        peer_no = self.find_peer(pidi)
        if peer_no is None:
            raise Rejected("UnknownPeer")
        peer = self.peers[peer_no]
        if peer.version != version:
            raise Rejected("HashFunctionMismatch")
        ck.mix(peer.key.pk, peer.psk)
        ck.record("IHR7")
        ck.decrypt_and_mix(auth)
        ck.record("IHR8")
        # §9.6 rule 1: a peer we lead (our peer id under its version is the greater, as an unsigned big-endian
        # number) is not answered while our own handshake with it awaits EmptyData
        leads = self.key.hashed(peer.version, "peerid") > peer.pidt()
        if leads and peer.handshake is not None and peer.handshake.next == "EmptyData":
            raise Rejected("ConcurrentHandshake")
        sidr = self.fresh_sid("sidr")
        out.trace.append(("RHR1", "sidr", sidr))
        ck.mix(sidr, sidi)
        ck.record("RHR3")
        ecti, shk = self.source.kem("ephemeral", "encaps", "RHR4", ("ciphertext", 768), ("sharedKey", 32),
                                    to=epki)
        ck.mix(epki, shk, ecti)
        out.trace.append(("RHR4", "ecti", ecti))
        ck.record("RHR4")
        scti, shk = self.source.kem("static", "encaps", "RHR5", ("ciphertext", 156), ("sharedKey", 32),
                                    to=peer.key.pk)
        ck.mix(peer.key.pk, shk, scti)
        out.trace.append(("RHR5", "scti", scti))
        ck.record("RHR5")
        # RHR6 store_biscuit (§7.1); state changes are committed only if nothing below fails (nothing can)
        b = self.active_biscuit_key(now)
        nonce = bytearray(self.source.random("nonce", 24))
        nonce[0] = (nonce[0] & 0x7F) | (b << 7)
        pt = peer.pidt() + self.biscuit_ctr.to_bytes(12, "little") + ck.ck
        lab = LABELS[version]
        ad = lab.kh(lab.kh(self.key.hashed(version, "biscuit_ad"), sidi), sidr)
        biscuit_ct = xaead_seal(self.biscuit_keys[b][0], bytes(nonce), ad, pt)
        out.trace.append(("RHR6", "biscuit_pt", pt))
        out.trace.append(("RHR6", "biscuit_ct", biscuit_ct))
        self.biscuit_ctr += 1
        ck.mix(biscuit_ct)
        ck.record("RHR6")
        auth = ck.encrypt_and_mix(b"")
        out.trace.append(("RHR7", "auth", auth))
        ck.record("RHR7")
        body = bytes([RESP_HELLO, 0, 0, 0]) + sidr + sidi + ecti + scti + auth + biscuit_ct
        resp, defined = self.seal_responder(version, peer, body)
        out.trace.append(("RHR7", "RespHello", resp))
        out.cookie_defined = defined
        return resp

    def cookie_reply(self, msg, host_id, now, out):
        """spec §8.3: accepted, answered with a CookieReply."""
        i = self.youngest_cookie_secret(now)
        cv = kh_v03(kh_v03(L3.cookie_value, self.cookie_secrets[i][0]), host_id)[:16]
        k = self.key.hashed("V03", "cookie_key")
        nonce = self.source.random("nonce", 24)
        sealed = xaead_seal(k, nonce, msg[1028:1044], cv)
        padding = self.source.random("cookie_reply_padding", 996)
        return bytes([COOKIE_REPLY, 0, 0, 0]) + msg[4:8] + sealed + padding

    # §6.3
    def handle_resp_hello(self, msg, now, out):
        sidi = msg[8:12]
        peer_no, peer = self.peer_by_sid(sidi)
        version = peer.version
        if not hmac.compare_digest(mac_of(version, self.key, msg[:1068]), msg[1068:1084]):
            raise Rejected("BadMac")
        hs = peer.handshake
        if hs is None or hs.sidi != sidi or hs.next != "RespHello":
            raise Rejected("UnexpectedMessage")
        sidr, ecti, scti, auth, biscuit_ct = msg[4:8], msg[12:780], msg[780:936], msg[936:952], msg[952:1068]
        ck = ChainingKey(version, hs.ck, out.trace)
        ck.mix(sidr, sidi)
        ck.record("RHI3")
        ck.mix(hs.epki, kyber.decaps(hs.eski, ecti), ecti)
        ck.record("RHI4")
        ck.mix(self.key.pk, self.key.decaps(scti), scti)
        ck.record("RHI5")
        ck.mix(biscuit_ct)
        ck.record("RHI6")
        ck.decrypt_and_mix(auth)
        ck.record("RHI7")
        ck.mix(sidi, sidr)
        ck.record("ICI3")
        auth = ck.encrypt_and_mix(b"")
        out.trace.append(("ICI4", "auth", auth))
        ck.record("ICI4")
        lab = LABELS[version]
        tki, tkr = lab.kh(ck.ck, lab.ini_enc), lab.kh(ck.ck, lab.res_enc)
        osk = lab.kh(ck.ck, peer.osk_separator())
        body = bytes([INIT_CONF, 0, 0, 0]) + sidi + sidr + biscuit_ct + auth
        ic = body + mac_of(version, peer.key, body)
        ic = ic + cookie_of(hs.cookie_value, ic)
        out.trace.append(("ICI7", "InitConf", ic))
        out.trace.append(("ICI7", "osk", osk))
        # commit
        old = peer.session
        peer.session = Session(ck.ck, "initiator", sidi, sidr, tki, tkr, now)
        if old is not None:
            self.release(peer_no, old.sidm)
        self.index[sidi] = peer_no
        hs.sidr, hs.ck, hs.next = sidr, None, "EmptyData"
        hs.stored, hs.retx_count = ic, 0
        self.schedule(hs, now)
        out.events.append({"type": "KeyExchanged", "peer": peer_no, "key": osk})
        return ic

    # §6.4
    def handle_init_conf(self, msg, now, out):
        sidi, sidr, biscuit_ct, auth = msg[4:8], msg[8:12], msg[12:128], msg[128:144]
        cached_peer = self.index.get(sidr)
        if cached_peer is not None:
            cache = self.peers[cached_peer].cache
            if cache is not None and not happened(cache[2] + CACHE_LIFETIME, now) \
                    and hmac.compare_digest(cache[0], msg[:160]):
                out.cache_hit = True
                return cache[1]
        version = self.mac_trial(msg, 144)
        lab = LABELS[version]
        b = biscuit_ct[0] >> 7
        ad = lab.kh(lab.kh(self.key.hashed(version, "biscuit_ad"), sidi), sidr)
        pt = xaead_open(self.biscuit_keys[b][0], ad, biscuit_ct)
        if pt is None:
            raise Rejected("BadBiscuit")
        pidi, biscuit_no, ck_b = pt[0:32], int.from_bytes(pt[32:44], "little"), pt[44:76]
        peer_no = self.find_peer(pidi)
        if peer_no is None:
            raise Rejected("UnknownPeer")
        peer = self.peers[peer_no]
        ck = ChainingKey(version, ck_b, out.trace)
        ck.mix(biscuit_ct)
        ck.record("ICR1")
        if peer.version != version:
            raise Rejected("HashFunctionMismatch")
        ck.encrypt_and_mix(b"")
        ck.record("ICR2")
        ck.mix(sidi, sidr)
        ck.record("ICR3")
        ck.decrypt_and_mix(auth)
        ck.record("ICR4")
        if not biscuit_no > peer.biscuit_used:
            raise Rejected("ReplayedBiscuit")
        tki, tkr = lab.kh(ck.ck, lab.ini_enc), lab.kh(ck.ck, lab.res_enc)
        osk = lab.kh(ck.ck, peer.osk_separator())
        session = Session(ck.ck, "responder", sidr, sidi, tkr, tki, now)
        n = session.txnm
        session.txnm = n + 1
        ed_body = bytes([EMPTY_DATA, 0, 0, 0]) + sidi + struct.pack("<Q", n) + \
            aead_enc(tkr, struct.pack("<Q", n) + bytes(4), b"", b"")
        # commit: ICR6, ICR7; our own initiator handshake with this peer is dropped before EmptyData is sealed
        peer.biscuit_used = biscuit_no
        old_session, old_hs = peer.session, peer.handshake
        peer.session = session
        peer.handshake = None
        if old_session is not None:
            self.release(peer_no, old_session.sidm)
        if old_hs is not None:
            self.release(peer_no, old_hs.sidi)
        self.index[sidr] = peer_no
        ed, defined = self.seal_responder(version, peer, ed_body)
        out.cookie_defined = defined
        out.trace.append(("ICR7", "EmptyData", ed))
        out.trace.append(("ICR7", "osk", osk))
        peer.cache = (msg[:160], ed, now)
        out.events.append({"type": "KeyExchanged", "peer": peer_no, "key": osk})
        return ed

    def peer_by_sid(self, sid):
        """The session-id look-up of RHI2, §6.5 and §8.4."""
        peer_no = self.index.get(sid)
        if peer_no is None:
            raise Rejected("UnknownSession")
        return peer_no, self.peers[peer_no]

    # §6.5
    def handle_empty_data(self, msg, now, out):
        sid = msg[4:8]
        peer_no, peer = self.peer_by_sid(sid)
        if not hmac.compare_digest(mac_of(peer.version, self.key, msg[:32]), msg[32:48]):
            raise Rejected("BadMac")
        hs, session = peer.handshake, peer.session
        if hs is None or hs.sidi != sid or hs.next != "EmptyData" or session is None or session.sidm != sid:
            raise Rejected("UnexpectedMessage")
        n = struct.unpack("<Q", msg[8:16])[0]
        if n < session.txnt:
            raise Rejected("StaleCounter")
        if aead_dec(session.txkt, msg[8:16] + bytes(4), b"", msg[16:32]) is None:
            raise Rejected("BadAuthTag")
        session.txnt = n
        peer.handshake = None  # sidi stays registered: the session uses it
        return None

    # §8.4
    def handle_cookie_reply(self, msg, now, out):
        peer_no, peer = self.peer_by_sid(msg[4:8])
        hs = peer.handshake
        if hs is None:
            raise Rejected("UnexpectedMessage")
        stored = hs.stored
        m = stored[1028:1044] if stored[0] == INIT_HELLO else stored[144:160]
        cv = xaead_open(peer.key.hashed("V03", "cookie_key"), m, msg[8:64])
        if cv is None:
            raise Rejected("BadAuthTag")
        hs.cookie_value = cv
        return self.reseal_cookie(hs)

    # --- §9.5 poll ---

    def poll(self, now, out):
        # steps 1-2: a key created at BCE is already erased and is not redrawn (vectors/README.md, Injected values)
        for keyset in (self.biscuit_keys, self.cookie_secrets):
            epoch = BISCUIT_EPOCH if keyset is self.biscuit_keys else COOKIE_SECRET_EPOCH
            for entry in keyset:
                if entry[1] != BCE and lifecycle(entry[1], epoch, now) == "Dead":
                    label, size = ("biscuit_key", 32) if keyset is self.biscuit_keys else ("cookie_secret", 16)
                    entry[0], entry[1] = self.source.random(label, size), BCE
        deadlines = []
        for no, peer in enumerate(self.peers):
            hs = peer.handshake
            if hs is not None and happened(hs.die_at, now):
                peer.handshake = None
                self.release(no, hs.sidi)
            if peer.session is not None and happened(peer.session.die_at, now):
                old = peer.session
                peer.session = None
                self.release(no, old.sidm)
                out.events.append({"type": "KeyStale", "peer": no, "key": self.source.random("stale_key", 32)})
            if peer.initiates and peer.handshake is None and \
                    (peer.session is None or happened(peer.session.retire_at, now)):
                msg = self.initiate(no, now, out)
                out.events.append({"type": "SendToPeer", "peer": no, "message": msg})
            hs = peer.handshake
            if hs is not None and happened(hs.retry_at, now):
                msg = self.reseal_cookie(hs)
                out.events.append({"type": "SendToPeer", "peer": no, "message": msg})
                hs.retx_count += 1
                self.schedule(hs, now)
            if peer.cache is not None and happened(peer.cache[2] + CACHE_LIFETIME, now):
                peer.cache = None
            # the deadlines this peer contributes (§9.5)
            if peer.handshake is not None:
                deadlines += [peer.handshake.retry_at, peer.handshake.die_at]
            if peer.session is not None:
                deadlines.append(peer.session.die_at)
                if peer.initiates and peer.handshake is None:
                    deadlines.append(peer.session.retire_at)
            if peer.cache is not None:
                deadlines.append(peer.cache[2] + CACHE_LIFETIME)
        out.next_poll_at = min(deadlines + [now + REJECT_AFTER_TIME])
