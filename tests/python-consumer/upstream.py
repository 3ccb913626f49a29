"""Replays upstream's recorded handshake (vectors/upstream/, README.md there): an assert_tv TOML file whose entries
are, in the order upstream produced them, `Const` values (keys, the psk, everything drawn: injected here in that
order) and `Output` values (chaining keys, tags, biscuit, messages, the exchanged key: compared here).

Offloaded entries (`offload = true`) are zstd-compressed text holding a JSON string of standard base64, in
`<file>_offloaded_value_<index>.zstd`; they are decompressed with the `zstd` program (Python's standard library has
no zstd before 3.14).
"""
import base64
import json
import os
import subprocess

from protocol import Mismatch, Outcome, Peer, Rejected, Server, StaticKey

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None


class ConstSource:
    """Hands out the vector's Const entries in order; upstream has no retransmission jitter (it returns 0)."""

    def __init__(self, tally, consts):
        self.tally = tally
        self.consts = list(consts)

    def _next(self, what, size, names=None):
        if not self.consts:
            self.tally.check("upstream", "Const for %s" % what, False, "no Const entry left")
            raise Mismatch("out of Const entries")
        name, value = self.consts.pop(0)
        ok = len(value) == size and (names is None or name in names)
        self.tally.check("upstream", "Const %s for %s" % (name, what), ok, "%d bytes" % len(value))
        if not ok:
            raise Mismatch("Const entry does not fit")
        return value

    def random(self, label, size):
        names = {"cookie_secret": None, "biscuit_key": None, "cookie_value": {"hs.cookie_value.value"},
                 "sidi": {"hs.core.sidi"}, "sidr": {"session_id"}}.get(label)
        return self._next(label, size, names)

    def jitter(self):
        return bytes(8)

    def kem(self, kem, operation, step, *fields, to=None):
        if operation == "keygen":  # upstream records eski, then epki
            eski = self._next("%s keygen secret key" % kem, 1632, {"hs.eski"})
            epki = self._next("%s keygen public key" % kem, 800)
            return [epki, eski]
        shk = self._next("%s encaps shared key (%s)" % (kem, step), 32)  # upstream: shared key, then ciphertext
        ct = self._next("%s encaps ciphertext (%s)" % (kem, step), fields[0][1])
        return [ct, shk]


def entry_bytes(path, index, entry):
    if entry.get("offload"):
        data = subprocess.run(["zstd", "-dc", "%s_offloaded_value_%d.zstd" % (path, index)], check=True,
                              stdout=subprocess.PIPE).stdout
        return base64.b64decode(json.loads(data.decode("utf-8")))
    return base64.b64decode(entry["value"])


def offloaded_files(path):
    d, base = os.path.split(path)
    return sorted(os.path.join(d, f) for f in os.listdir(d or ".") if f.startswith(base + "_offloaded_value_"))


def replay_upstream(path, tally):
    if tomllib is None:
        tally.cannot(path, "needs Python 3.11 (tomllib)")
        return
    entries = tomllib.load(open(path, "rb"))["entries"]
    values = [entry_bytes(path, i, e) for i, e in enumerate(entries)]
    used_offloads = {"%s_offloaded_value_%d.zstd" % (path, i) for i, e in enumerate(entries) if e.get("offload")}
    for f in offloaded_files(path):
        tally.check("upstream", "offloaded file %s is referenced" % os.path.basename(f), f in used_offloads)
    consts = [(e.get("name"), v) for e, v in zip(entries, values) if e["entry_type"] == "Const"]
    outputs = [(e.get("name"), e.get("description", ""), v) for e, v in zip(entries, values)
               if e["entry_type"] == "Output"]
    tally.check("upstream", "every entry is Const or Output", len(consts) + len(outputs) == len(entries))
    # the setup: peer a and peer b, their keys, one psk, V03 (upstream's test vector uses keyed SHAKE256)
    names = [n for n, _ in consts[:5]]
    tally.check("upstream", "setup Consts", names == ["peer_a_sk", "peer_a_pk", "peer_b_sk", "peer_b_pk", "psk"],
                str(names))
    key_a = StaticKey("upstream a", consts[0][1], consts[1][1])
    key_b = StaticKey("upstream b", consts[2][1], consts[3][1])
    psk = consts[4][1]
    source = ConstSource(tally, consts[5:])
    try:
        a = Server("a", key_a, False, source)
        a.add_peer(Peer(key_b, psk, "V03", None, True))
        b = Server("b", key_b, False, source)
        b.add_peer(Peer(key_a, psk, "V03", None, False))
        mine_ck = {}
        messages, keys = [], []

        def run(step_name, fn):
            out = Outcome()
            out.cookie_defined = False
            try:
                produced = fn(out)
            except Rejected as r:
                tally.check("upstream", "%s accepted" % step_name, False, r.kind)
                raise Mismatch("rejected")
            tally.check("upstream", "%s accepted" % step_name, True)
            for step, name, value in out.trace:
                mine_ck[(step, name)] = value
            keys.extend(ev["key"] for ev in out.events if ev["type"] == "KeyExchanged")
            if produced is not None:
                messages.append(produced)
            return produced

        ih = run("InitHello", lambda out: a.initiate(0, 0.0, out))
        rh = run("RespHello", lambda out: b.deliver(ih, b"", 0.0, out))
        ic = run("InitConf", lambda out: a.deliver(rh, b"", 0.0, out))
        ed = run("EmptyData", lambda out: b.deliver(ic, b"", 0.0, out))
        run("EmptyData at the initiator", lambda out: a.deliver(ed, b"", 0.0, out))
    except Mismatch as e:
        tally.check("upstream", "replay", False, str(e))
        return
    tally.check("upstream", "every Const used", not source.consts, "%d left" % len(source.consts))
    compare_outputs(tally, outputs, mine_ck, messages, keys)


def compare_outputs(tally, outputs, mine, messages, keys):
    """Map each Output entry to the value of spec §6 it records and compare."""
    initiator_cks = [("IHI4", "ck"), ("IHI5", "ck"), ("IHI6", "ck"), ("IHI7", "ck"), ("IHI8", "ck")]
    by_length = {76: ("RHR6", "biscuit_pt"), 116: ("RHR6", "biscuit_ct")}
    message_no = key_no = 0
    for name, description, value in outputs:
        if name == "message":
            got = messages[message_no] if message_no < len(messages) else None
            message_no += 1
            what = "message %d" % message_no
            if got is not None and got[0] in (0x82, 0x84) and len(got) == len(value):
                ok = got[:-16] == value[:-16]  # the undefined cookie field (vectors/README.md, spec §8.2)
            else:
                ok = got == value
        elif name == "exchanged_key":
            ok = bool(keys) and all(k == value for k in keys) and len(keys) == 2
            what = "exchanged key (both sides)"
        else:
            if name and name.startswith("hs.core.ck "):
                key = initiator_cks[int(name.split()[-1]) - 1]
            elif name == "ih.pidi_ct":
                key = ("IHI6", "pidi_ct")
            elif name == "ih.auth":
                key = ("IHI8", "auth")
            elif name and name.startswith("chaining_key_ihr "):  # e.g. "chaining_key_ihr RHR 5"
                key = (name.split(" ", 1)[1].replace(" ", ""), "ck")
            elif name is None and len(value) in by_length:
                key = by_length[len(value)]
            else:
                tally.cannot("upstream", "Output %r (%s) not mapped to a value of spec §6" % (name, description))
                continue
            what = "%s %s" % key
            ok = mine.get(key) == value
        tally.check("upstream", "Output " + what, ok)
    tally.check("upstream", "four messages", message_no == 4 and len(messages) == 4)
